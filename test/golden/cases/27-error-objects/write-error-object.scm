; how an error object prints
(define e (with-exception-catcher (lambda (e) e) (lambda () (error "m" 1))))
(write e) (newline)
(define e2 (with-exception-catcher (lambda (e) e) (lambda () (car 1))))
(write e2) (newline)
(display (list (error-object? e) (error-object? e2))) (newline)
