; the dynamic environment of a thread: make-thread inherits the creator's parameters and
; current ports; make-root-thread starts afresh on the console ports; neither inherits
; exception handlers. A continuation carries its dynamic environment to another thread.
(define (p x) (write x) (newline))
(define param (make-parameter 'global))
(define out (open-output-string))
(parameterize ((param 'outer) (current-output-port out))
  (thread-join! (thread-start! (make-thread (lambda () (display (list 'make-thread (param)))))))
  (thread-join! (thread-start! (make-root-thread (lambda () (display (list 'make-root-thread (param))) (newline))))))
(p (get-output-string out))
(p (thread-join! (thread-start! (make-root-thread (lambda () (eq? (current-output-port) (current-output-port)))))))
; a parameter set in the thread (without parameterize) is shared with the creator's binding
(define shared
  (parameterize ((param 1))
    (thread-join! (thread-start! (make-thread (lambda () (param 2)))))
    (param)))
(p shared)
; parameterize inside a thread is its own
(define t (thread-start! (make-thread (lambda () (parameterize ((param 'inner)) (thread-yield!) (param))))))
(p (param))
(p (thread-join! t))
(p (param))
; a root thread's name
(p (make-root-thread (lambda () 1) 'root))
; continuation-return into a continuation captured in another thread adopts its dynamic
; environment: here, a parameter and the current output port
(define captured #f)
(define out2 (open-output-string))
(define a
  (thread-start!
   (make-thread
    (lambda ()
      (parameterize ((param 'from-a) (current-output-port out2))
        (let ((v (continuation-capture (lambda (k) (set! captured k) 'first))))
          (display (list v (param)))
          (newline)
          v))))))
(p (thread-join! a))
(define b (thread-start! (make-thread (lambda () (continuation-return captured 'second)))))
(p (thread-join! b))
(p (param))
(p (get-output-string out2))
; dynamic-wind is not inherited: a thread's after thunks are its own
(define order '())
(dynamic-wind
 (lambda () (set! order (cons 'before order)))
 (lambda () (thread-join! (thread-start! (make-thread (lambda () (set! order (cons 'thread order)))))))
 (lambda () (set! order (cons 'after order))))
(p (reverse order))
