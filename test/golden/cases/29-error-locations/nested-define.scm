; an internal procedure is named by its own name
(define (outer)
  (define (inner x) (vector-ref x 0))
  (list (inner 1)))
(outer)
