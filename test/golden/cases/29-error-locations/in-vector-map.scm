;; an error in the tail of the procedure given to vector-map is IN vector-map, as in gsi
(define (g x)
  (vector-map (lambda (y) (car y)) (vector x)))
(g 1)
