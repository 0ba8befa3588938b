; duplicate parameters are rejected when the file is compiled
(display "never") (newline)
(define (f x y x) x)
