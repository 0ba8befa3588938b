;; a promise body is code of the procedure the delay is in
(define (g x)
  (force (delay (+ 1 (car x)))))
(g 1)
