; current-output-port is a parameter too
(define out (open-output-string))
(parameterize ((current-output-port out)) (display "captured"))
(write (get-output-string out)) (newline)
(write (call-with-output-string (lambda (port) (write 'x port)))) (newline)
(write (with-output-to-string (lambda () (display "y")))) (newline)
