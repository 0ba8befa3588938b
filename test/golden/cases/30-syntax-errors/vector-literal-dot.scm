; a dot in a vector literal
(display "never") (newline)
(write #(1 . 2))
