; define-macro without a body
(display "never") (newline)
(define-macro (m))
