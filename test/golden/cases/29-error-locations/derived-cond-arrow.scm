;; an error in the test of a cond => clause
(define (g x)
  (cond ((assv 1 x) => cdr) (else 2)))
(g 1)
