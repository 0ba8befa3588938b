; case-lambda dispatches on the number of arguments
(define f
  (case-lambda
    (() 'zero)
    ((a) (list 'one a))
    ((a b) (list 'two a b))
    ((a b . rest) (list 'many a b rest))))
(write (f)) (newline)
(write (f 1)) (newline)
(write (f 1 2)) (newline)
(write (f 1 2 3 4)) (newline)
(define g (case-lambda ((x) x) (args (cons 'rest args))))
(write (g 1)) (newline)
(write (g)) (newline)
(write (g 1 2)) (newline)
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y . z) (apply plus (+ x y) z))))
(write (plus 1 2 3 4 5)) (newline)
