; receiving the wrong number of values
(display "start") (newline)
(receive (a b) (values 1 2 3) (list a b))
