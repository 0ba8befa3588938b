; an uncaught raise inside a procedure, below a non-tail call
(define (f x) (list (raise x)))
(f 'inside)
