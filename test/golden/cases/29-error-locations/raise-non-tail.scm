; raise in non-tail position
(define (w10) (+ 1 (raise (quote r10))))
(w10)
