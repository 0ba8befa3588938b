;; a procedure given to string-map that returns no character: the error is IN string-map, as in gsi
(define (g x)
  (string-map (lambda (c) 1) "ab"))
(g 1)
