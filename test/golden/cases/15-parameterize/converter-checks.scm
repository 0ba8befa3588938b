; make-parameter's converter, when given, must be a procedure: gsi refuses #f and other
; non-procedures with a type error on argument 2 (gsi-ts took #f as "no converter" and failed
; later, calling a non-procedure).
(define (p x) (write x) (newline))
(define conv (make-parameter 5 (lambda (x) (* x 10))))
(p (conv))
(p (parameterize ((conv 2)) (conv)))
(p ((make-parameter 'plain)))
(p (with-exception-catcher
    (lambda (e) (display-exception e (current-output-port)) 'caught)
    (lambda () (make-parameter 1 #f))))
(make-parameter 1 'not-a-procedure)
