; a catcher that re-raises to the top level
(display "start") (newline)
(with-exception-catcher (lambda (e) (raise e)) (lambda () (car '())))
