; a handler that takes no argument
(display "start") (newline)
(with-exception-catcher (lambda () 'no-arg) (lambda () (raise 'x)))
