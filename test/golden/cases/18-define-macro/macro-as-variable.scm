; a macro name used as a variable
(define-macro (m x) x)
(display "never") (newline)
(write m)
