;; an error in the tail of a converter run by parameterize is IN ##parameterize, as in gsi
(define p (make-parameter (list 1) (lambda (x) (car x))))
(define (g x)
  (parameterize ((p x)) (p)))
(display (g (list 2)))
(g 1)
