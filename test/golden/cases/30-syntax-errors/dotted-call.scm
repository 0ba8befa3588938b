; a call with a dotted argument list
(display "never") (newline)
(+ 1 . 2)
