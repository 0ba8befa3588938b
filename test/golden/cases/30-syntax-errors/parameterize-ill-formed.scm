; parameterize with a bad binding
(display "never") (newline)
(parameterize ((p)) 1)
