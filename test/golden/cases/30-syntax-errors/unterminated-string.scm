; a string that never ends
(display "never") (newline)
(display "abc)
