; receive without an expression
(display "never") (newline)
(receive (a b))
