;; an error in a do step: IN the loop's anonymous procedure
(define (g x)
  (do ((i 0 (+ i (car x)))) ((> i 2) i)))
(g 1)
