;; an error in a letrec initial value: IN the enclosing procedure
(define (g x)
  (letrec ((a 1) (b (car x))) (+ a b)))
(g 1)
