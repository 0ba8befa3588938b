; exit with no argument
(display "bye") (newline)
(exit)
(display "after") (newline)
