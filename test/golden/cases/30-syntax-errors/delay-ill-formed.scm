; delay with two operands
(display "never") (newline)
(delay 1 2)
