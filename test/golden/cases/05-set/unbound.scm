; set! of an undefined global
(display "before") (newline)
(set! never-defined 5)
(display "after") (newline)
(write never-defined) (newline)
