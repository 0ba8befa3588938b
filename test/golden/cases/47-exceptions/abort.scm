; Gambit's abort raises its argument like raise; should a handler return, it raises a
; noncontinuable-exception ("Computation cannot be continued") whose reason is the argument.
; gsi-ts had no abort at all (Unbound variable: abort). Uncaught, gsi names abort as the place.
(define (p x) (write x) (newline))
(define e
  (call/cc
   (lambda (k)
     (with-exception-handler
      (lambda (x) (if (noncontinuable-exception? x) (k x)) (p (list 'handler-returns-for x)) 'ret)
      (lambda () (abort 'boom))))))
(p e)
(p (noncontinuable-exception-reason e))
(display-exception e (current-output-port))
(p (list (noncontinuable-exception? 'boom) (error-object? e) (error-exception? e)))
(p (with-exception-catcher (lambda (x) (list 'caught x)) (lambda () (abort 'foo))))
(p abort)
(define (f) (abort "s"))
(define (g) (+ 1 (f)))
(p (with-exception-catcher (lambda (x) (list 'caught x)) g))
(p (with-exception-catcher
    (lambda (x) (display-exception x (current-output-port)) 'c)
    (lambda () (noncontinuable-exception-reason 5))))
(p (with-exception-catcher (lambda (x) (display-exception x (current-output-port)) 'c) abort))
(g)
