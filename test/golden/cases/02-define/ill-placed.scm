; define in expression position is a compile-time error, so nothing in the file runs
(display "never printed") (newline)
(write (list (begin (define a 1) a))) (newline)
