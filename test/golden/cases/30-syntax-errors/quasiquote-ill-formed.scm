; quasiquote with two operands
(display "never") (newline)
(quasiquote a b)
