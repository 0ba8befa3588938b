; an error in a procedure called by map
(define (w7) (map (lambda (x) (vector-ref x 0)) (quote (1))))
(w7)
