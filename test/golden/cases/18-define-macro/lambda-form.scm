; define-macro with an explicit lambda and with rest/optional parameters
(define-macro my-list (lambda args `(list ,@args)))
(write (my-list 1 2 3)) (newline)
(define-macro (with-default x #!optional (d ''none)) `(or ,x ,d))
(write (with-default #f)) (newline)
(write (with-default #f 'given)) (newline)
(define-macro (count-args . args) (length args))
(write (count-args a b c d)) (newline)
