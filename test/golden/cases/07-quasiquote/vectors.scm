; quasiquote inside vectors
(define x 5)
(define lst '(a b c))
(write `#(1 ,x)) (newline)
(write `#(1 ,@lst 2)) (newline)
(write `#()) (newline)
(write `(v #(,x ,@lst))) (newline)
(write `#(#(,x))) (newline)
(write (vector? `#(,x))) (newline)
