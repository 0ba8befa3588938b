; a non-identifier parameter
(display "never") (newline)
(lambda (1) 1)
