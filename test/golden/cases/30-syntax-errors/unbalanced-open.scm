; a missing close paren: the file is read whole before anything runs
(display "never") (newline)
(display (+ 1 2)
