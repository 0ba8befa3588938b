; lambda without a body
(display "never") (newline)
(lambda (x))
