; division by zero
(display "start") (newline)
(write (/ 1 0))
