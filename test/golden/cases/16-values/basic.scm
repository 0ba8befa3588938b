; values and call-with-values
(write (call-with-values (lambda () (values 1 2 3)) list)) (newline)
(write (call-with-values (lambda () (values)) list)) (newline)
(write (call-with-values (lambda () 5) list)) (newline)
(write (call-with-values (lambda () (values 1 2)) +)) (newline)
(write (+ 1 (values 2))) (newline)
(call-with-values (lambda () (values 'a 'b)) (lambda (x y) (write (list y x)) (newline)))
