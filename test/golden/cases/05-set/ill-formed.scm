; set! with a missing value
(display "never") (newline)
(set! x)
