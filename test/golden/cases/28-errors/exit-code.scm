; exit with a status stops the program immediately
(display "before") (newline)
(exit 3)
(display "after") (newline)
