; duplicate names in a let
(display "never") (newline)
(let ((a 1) (a 2)) a)
