; a define after an expression in a body
(define (f)
  (display "x")
  (define y 1)
  y)
(write (f)) (newline)
