;; an error in a do command
(define (g x)
  (do ((i 0 (+ i 1))) ((> i 2) i) (display i) (car x)))
(g 1)
