; an extra close paren
(display "never") (newline)
(display 2))
(display 3)
