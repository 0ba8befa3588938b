; calling a procedure with too few arguments
(define (f a b) (+ a b))
(write (f 1 2)) (newline)
(write (f 1)) (newline)
