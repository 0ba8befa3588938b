; define of a procedure with no body
(display "never") (newline)
(define (f))
