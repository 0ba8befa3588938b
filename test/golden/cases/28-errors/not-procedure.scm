; calling a non-procedure
(display "start") (newline)
(define x 5)
(x 1 2)
