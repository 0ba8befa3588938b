; if with four operands
(display "never") (newline)
(if 1 2 3 4)
