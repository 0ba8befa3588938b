; set! needs an identifier
(display "never") (newline)
(set! (car x) 5)
