; quote with two operands
(display "never") (newline)
(quote a b)
