; let with no body
(display "never") (newline)
(let ((a 1)))
