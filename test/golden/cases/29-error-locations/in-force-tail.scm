;; an error in the tail of a promise body is IN ##force-out-of-line
(define (h x)
  (force (delay (car x))))
(h 1)
