;; an error in the tail of the procedure given to vector-for-each is IN vector-for-each, as in gsi
(define (g x)
  (vector-for-each (lambda (y) (car y)) (vector x)))
(g 1)
