; in gsi, when a with-exception-handler handler returns from a raise (or from an error
; signalled by a primitive), execution continues with the handler's value
(write (with-exception-handler (lambda (e) 42) (lambda () (+ 1 (raise 'oops))))) (newline)
(write (with-exception-handler (lambda (e) 10) (lambda () (+ 1 (car 5))))) (newline)
(write (with-exception-handler (lambda (e) 5) (lambda () (* 2 (error "msg"))))) (newline)
