; case with nothing
(display "never") (newline)
(case)
