; begin at top level and in expressions
(begin (define a 1) (define b 2))
(write (+ a b)) (newline)
(write (begin 1 2 3)) (newline)
(begin)
(write (let () (begin (define z 9)) z)) (newline)
(begin (display "x") (display "y") (newline))
(write (begin (begin (begin 'deep)))) (newline)
