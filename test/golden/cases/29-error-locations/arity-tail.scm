; wrong number of arguments in a tail call: location of the pending call
(define (f a b) (+ a b))
(define (k2 x) (f x))
(list (k2 5))
