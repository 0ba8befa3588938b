;; an error in the tail of a call-with-values producer is IN ##call-with-values
(define (g x)
  (call-with-values (lambda () (car x)) list))
(g 1)
