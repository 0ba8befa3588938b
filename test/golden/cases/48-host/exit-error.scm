; exit with a bad status is a type error
(display "x")
(newline)
(exit 256)
