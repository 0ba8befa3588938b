; Gambit's with-exception-catcher: the handler runs in the catcher's continuation
(write (with-exception-catcher (lambda (e) (list 'caught e)) (lambda () (raise 'boom)))) (newline)
(write (with-exception-catcher (lambda (e) 'unused) (lambda () 'no-exception))) (newline)
(write (with-exception-catcher (lambda (e) (error-object? e)) (lambda () (error "x")))) (newline)
(write (with-exception-catcher (lambda (e) 'outer)
  (lambda () (with-exception-catcher (lambda (e) (raise e)) (lambda () (raise 'inner)))))) (newline)
(write (+ 1 (with-exception-catcher (lambda (e) 10) (lambda () (+ 100 (raise 'x)))))) (newline)
(write (with-exception-catcher (lambda (e) (list 'non-string e)) (lambda () (raise "a string")))) (newline)
