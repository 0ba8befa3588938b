; unquote-splicing of a non-list as the last element gives an improper list (append semantics)
(define x 5)
(write `(1 ,@x)) (newline)
(write `(1 2 ,@'(3 . 4))) (newline)
