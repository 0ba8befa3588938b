; applying a non-procedure
(display "start") (newline)
(apply 5 '(1 2))
