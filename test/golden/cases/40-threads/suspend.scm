; thread-suspend!, thread-resume! and the thread-group versions: their arguments and results
; (void). What suspension does to a running thread is not recorded: gsi 4.9.3 leaves them
; unimplemented (they return void and do nothing), gsi-ts suspends (test/scheme/10-threads).
(define (show . xs) (for-each write xs) (newline))
(define t (make-thread (lambda () 'done) 't))
(show (thread-suspend! t) (thread-resume! t))
(thread-start! t)
(show (thread-join! t))
(show (thread-suspend! t) (thread-resume! t))
(define g (make-thread-group 'g))
(show (thread-group-suspend! g) (thread-group-resume! g) (thread-group-terminate! g))
(show (with-exception-catcher (lambda (e) (type-exception-arguments e)) (lambda () (thread-resume! 'x))))
(show (with-exception-catcher (lambda (e) (type-exception-arguments e)) (lambda () (thread-group-resume! t))))
(show (with-exception-catcher (lambda (e) (type-exception-arguments e)) (lambda () (thread-group-terminate! 1))))
(thread-suspend! 'x)
