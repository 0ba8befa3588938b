; with-exception-handler, with-exception-catcher, raise, error, nested handlers
(define (p x) (write x) (newline))
(p (with-exception-catcher (lambda (e) (list 'caught e)) (lambda () (raise 'oops))))
(p (with-exception-catcher (lambda (e) 'outer)
     (lambda () (with-exception-catcher (lambda (e) (raise 'again)) (lambda () (raise 'inner))))))
(p (with-exception-catcher (lambda (e) (list 'outer-got e))
     (lambda () (with-exception-catcher (lambda (e) (raise (list 'wrapped e))) (lambda () (raise 'inner))))))
(p (with-exception-handler (lambda (e) 10) (lambda () (+ 1 undefined-variable-here))))
(p (with-exception-handler (lambda (e) 0) (lambda () (+ 1 (car 5)))))
(p (with-exception-catcher (lambda (e) (error-object-message e)) (lambda () (error "msg" 1 2))))
(p (with-exception-catcher error-object-irritants (lambda () (error "msg" 1 2))))
(p (call-with-current-continuation
     (lambda (k) (with-exception-handler (lambda (e) (k (list 'escaped e))) (lambda () (raise 'boom))))))
(define log '())
(p (with-exception-catcher
     (lambda (e) (list 'caught e (reverse log)))
     (lambda ()
       (dynamic-wind
         (lambda () (set! log (cons 'in log)))
         (lambda () (raise 'inside))
         (lambda () (set! log (cons 'out log)))))))
(p (with-exception-handler
     (lambda (e) (list 'handled e))
     (lambda () (list 'value (string-ref "abc" 7)))))
(with-exception-handler (lambda (e) 1) (lambda () (raise (quote not-continuable))))
