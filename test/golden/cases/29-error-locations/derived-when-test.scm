;; an error in the test of when and unless
(define (g x)
  (unless (null? x) (when (car x) 1)))
(g 1)
