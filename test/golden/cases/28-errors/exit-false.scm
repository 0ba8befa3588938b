; exit with #f and #t
(display "x") (newline)
(exit #f)
