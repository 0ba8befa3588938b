; (if) with no operands is rejected before the file runs
(display "never") (newline)
(if)
