; exit with #t
(display "x")
(exit #t)
