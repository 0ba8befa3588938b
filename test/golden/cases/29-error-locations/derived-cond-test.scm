;; an error in a cond test is located at the test
(define (g x)
  (cond ((null? x) 0) ((car x) 1)))
(g 1)
