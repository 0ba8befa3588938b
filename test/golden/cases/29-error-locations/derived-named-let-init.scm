;; an error in the initial value of a named let
(define (g x)
  (let loop ((i (car x))) (if (< i 3) (loop (+ i 1)) i)))
(g 1)
