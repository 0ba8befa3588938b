;; an error in the tail of the procedure given to string-for-each is IN string-for-each, as in gsi
(define (g x)
  (string-for-each (lambda (c) (car x)) "ab"))
(g 1)
