; if with only a test
(display "never") (newline)
(define (f x) (if x))
