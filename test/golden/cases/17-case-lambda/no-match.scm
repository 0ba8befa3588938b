; case-lambda with no matching clause
(define f (case-lambda ((a) a) ((a b) b)))
(write (f 1)) (newline)
(write (f 1 2 3)) (newline)
