; a primitive called with the wrong number of arguments
(display "start") (newline)
(car 1 2)
