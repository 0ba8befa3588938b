;; an error in the initial value of a do variable
(define (g x)
  (do ((i (car x) (+ i 1))) ((> i 2) i)))
(g 1)
