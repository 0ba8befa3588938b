; a let binding whose name is not an identifier
(display "never") (newline)
(let ((1 2)) 3)
