;; an error in a letrec* initial value
(define (g x)
  (letrec* ((a 1) (b (+ a (car x)))) b))
(g 1)
