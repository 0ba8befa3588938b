; loaded by ../load-error.scm: fails at run time on line 3
(display "bad starts") (newline)
(define (explode x) (list (vector-ref x 0)))
(explode 'not-a-vector)
(display "bad never ends") (newline)
