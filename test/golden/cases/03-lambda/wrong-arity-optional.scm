; too many arguments for #!optional
(define (f a #!optional b) (list a b))
(write (f 1 2)) (newline)
(write (f 1 2 3)) (newline)
