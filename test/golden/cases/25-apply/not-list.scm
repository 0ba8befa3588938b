; the last argument of apply must be a list
(display "start") (newline)
(apply + 1 2)
