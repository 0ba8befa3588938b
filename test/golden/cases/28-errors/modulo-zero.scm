; modulo by zero
(display "start") (newline)
(modulo 10 0)
