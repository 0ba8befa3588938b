; an unbound variable: the location of the variable reference itself
(define (w11) (+ 1 (undefined-fn 1)))
(w11)
