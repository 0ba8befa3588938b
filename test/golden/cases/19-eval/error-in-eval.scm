; errors in eval'ed code have no file location
(display "start") (newline)
(eval '(car 1))
