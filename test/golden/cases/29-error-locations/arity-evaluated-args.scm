; the call form shows evaluated arguments
(define (f a b) (+ a b))
(f (+ 1 2))
