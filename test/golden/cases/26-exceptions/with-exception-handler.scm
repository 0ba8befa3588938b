; with-exception-handler: the handler runs in the dynamic context of the raise
(write (call/cc (lambda (k)
  (with-exception-handler (lambda (e) (k (list 'escaped e))) (lambda () (raise 'oops))))))
(newline)
(write (with-exception-handler
  (lambda (e) 'handler-value)
  (lambda () (list 'body-done))))
(newline)
(define p (make-parameter 'outside))
(write (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (list 'param-in-handler (p))))
    (lambda () (parameterize ((p 'inside)) (raise 'x)))))))
(newline)
