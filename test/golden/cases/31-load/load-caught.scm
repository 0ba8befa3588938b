; an error in a loaded file can be caught by the loader's caller
(display "main starts") (newline)
(write (with-exception-catcher (lambda (e) 'caught-load-error) (lambda () (load "lib/bad.scm")))) (newline)
(display "main ends") (newline)
