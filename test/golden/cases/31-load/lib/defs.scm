; loaded by ../load-basic.scm and others
(define (helper x) (* x 100))
(display "defs loaded") (newline)
