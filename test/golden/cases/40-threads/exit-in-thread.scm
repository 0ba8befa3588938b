; exit from any thread ends the program with its status
(define (p x) (write x) (newline))
(p 'start)
(thread-start! (make-thread (lambda () (display "thread exits\n") (exit 3))))
(thread-sleep! 1)
(p 'not-reached)
