; calling an unbound global
(display "start") (newline)
(undefined-procedure 1 2)
