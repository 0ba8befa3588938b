; car of a non-pair
(display "start") (newline)
(car 5)
