;; gsi locates an error in a parameterize value at the form
(define (g x)
  (parameterize ((current-output-port (car x))) 1))
(g 1)
