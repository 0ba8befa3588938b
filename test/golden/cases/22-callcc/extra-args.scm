; gsi's call/cc (and continuation-capture) passes the arguments after the procedure on to
; it, after the continuation: (call/cc (lambda (k a) a) 5) is 5. gsi-ts refused the call
; with "Wrong number of arguments".
(define (show x) (write x) (newline))
(show (call/cc (lambda (k a) a) 5))
(show (call-with-current-continuation (lambda (k a b) (list a b)) 5 6))
(show (call/cc (lambda (k . r) r) 1 2 3))
(show (call/cc (lambda (k a) (k (* a 2)) 'no) 21))
(show (continuation-capture (lambda (c a) a) 'x))
(show (with-exception-catcher (lambda (e) (display-exception e (current-output-port)) 'caught)
                              (lambda () (call/cc 5 1))))
(call/cc (lambda (k a) (car a)) 5)
