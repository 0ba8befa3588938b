; gsi 4.9.3 does not accept MIT-style curried define: (define ((f a) b) ...)
(display "start") (newline)
(define ((adder a) b) (+ a b))
(write ((adder 1) 2)) (newline)
