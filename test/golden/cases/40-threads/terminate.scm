; thread-terminate!: of a running, sleeping, blocked or new thread, and of the primordial thread
(define (p x) (write x) (newline))
(define (loop-forever) (let loop () (loop)))
(define spinner (thread-start! (make-thread loop-forever 'spinner)))
(thread-yield!)
(p (thread-state spinner))
(p (thread-terminate! spinner))
(p (thread-state spinner))
(p (thread-terminate! spinner))
(define fresh (make-thread (lambda () 'never)))
(thread-terminate! fresh)
(p (thread-state fresh))
(p (with-exception-catcher (lambda (e) e) (lambda () (thread-start! fresh))))
(p (with-exception-catcher (lambda (e) e) (lambda () (thread-join! fresh))))
; a thread terminating itself: the rest of its code does not run, dynamic-wind after thunks neither
(define trace '())
(define self
  (thread-start!
   (make-thread
    (lambda ()
      (dynamic-wind
       (lambda () (set! trace (cons 'before trace)))
       (lambda () (set! trace (cons 'body trace)) (thread-terminate! (current-thread)) (set! trace (cons 'not-reached trace)))
       (lambda () (set! trace (cons 'after trace))))))))
(p (terminated-thread-exception? (with-exception-catcher (lambda (e) e) (lambda () (thread-join! self)))))
(p (reverse trace))
; terminating a thread blocked in thread-receive, then sending to it
(define r (thread-start! (make-thread (lambda () (thread-receive) 'received))))
(thread-yield!)
(thread-terminate! r)
(p (thread-send r 'too-late))
(p (thread-state r))
; a thread may terminate the thread that created it
(define parent
  (thread-start!
   (make-thread
    (lambda ()
      (let ((me (current-thread)))
        (thread-start! (make-thread (lambda () (thread-terminate! me))))
        (thread-sleep! 10)
        'not-reached)))))
(p (terminated-thread-exception? (with-exception-catcher (lambda (e) e) (lambda () (thread-join! parent)))))
; terminating the primordial thread ends the program normally, whatever else runs
(thread-start! (make-thread loop-forever))
(display "bye\n")
(thread-terminate! (current-thread))
(display "not reached\n")
