; an error raised while expanding a macro stops the file before it runs
(display "never") (newline)
(define-macro (bad x) (car x))
(bad 5)
