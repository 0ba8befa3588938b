; the program ends when the primordial thread's program ends, whatever the other threads do;
; their uncaught exceptions are silent
(define (p x) (write x) (newline))
(define (fail) (car 'x))
(thread-start! (make-thread (lambda () (thread-sleep! 0.5) (display "never printed\n"))))
(thread-start! (make-thread fail))
(thread-start! (make-thread (lambda () (let loop () (loop)))))
(thread-sleep! 0.05)
(p 'main-done)
