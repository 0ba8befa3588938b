;; an error in the key of a case
(define (g x)
  (case (car x) ((1) 'one) (else 'other)))
(g 1)
