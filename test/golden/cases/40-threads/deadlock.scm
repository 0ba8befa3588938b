; when every thread waits for good, gsi raises a deadlock exception in the primordial thread
(define (p x) (write x) (newline))
(define (forever) (thread-receive))
(define t (thread-start! (make-thread forever 'forever)))
(p (with-exception-catcher (lambda (e) (list (deadlock-exception? e) e)) (lambda () (thread-join! t))))
(define m (make-mutex))
(mutex-lock! m)
(define u (thread-start! (make-thread (lambda () (mutex-lock! m) 'locked))))
(p (with-exception-catcher (lambda (e) (list 'deadlock e)) (lambda () (thread-join! u))))
; not a deadlock while a thread sleeps: it may still wake the others
(define v (thread-start! (make-thread (lambda () (thread-sleep! 0.05) (mutex-unlock! m) 'unlocked))))
(p (thread-join! u))
(p (thread-join! v))
; joining oneself waits for good too
(p (with-exception-catcher (lambda (e) e) (lambda () (thread-join! (current-thread)))))
(display "joining a thread that waits forever\n")
(thread-join! t)
(display "not reached\n")
