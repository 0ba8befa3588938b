; an unbound operator in tail position
(define (w12) (undefined-fn 1))
(w12)
