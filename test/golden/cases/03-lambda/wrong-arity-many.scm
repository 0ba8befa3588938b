; calling a procedure with too many arguments
(define (f a b) (+ a b))
(write (f 1 2)) (newline)
(f 1 2 3)
