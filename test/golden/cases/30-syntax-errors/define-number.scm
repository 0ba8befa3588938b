; define of a number
(display "never") (newline)
(define 5 1)
