; wrong number of arguments in a non-tail call inside a procedure
(define (f a b) (+ a b))
(define (k x) (list (f x)))
(k 5)
