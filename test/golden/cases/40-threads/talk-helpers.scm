; the talk's helpers (scheme-lib/talk-helpers.scm): spawn, without-exception, halt, sleep,
; make-throttle and pfor, as the node discovery uses them: 254 addresses, 100 at a time
(include "../../../../scheme-lib/talk-helpers.scm")
(define (p x) (write x) (newline))
(define t (spawn (+ 1 2)))
(p (thread? t))
(p (thread-join! t))
(p (without-exception (car 1)))
(p (without-exception (+ 1 2)))
; halt is not an exception: without-exception does not stop it
(define h (spawn (begin (without-exception (halt)) (display "not reached\n"))))
(p (without-exception (thread-join! h)))
; spawn starts a root thread: it prints on the console even from inside a string port
(p (with-output-to-string (lambda () (display "captured") (thread-join! (spawn (display "spawned thread prints on stdout\n"))))))
(sleep 0.01)
(p 'slept)
; at most 100 probes at once over the 254 host numbers of a /24
(define running 0)
(define max-running 0)
(define probed '())
(define throttle (make-throttle 100))
(define (probe i)
  (throttle
   (lambda ()
     (set! running (+ running 1))
     (if (> running max-running) (set! max-running running))
     (sleep 0.02)
     (set! running (- running 1))
     (set! probed (cons i probed)))))
(define nm #xffffff00)
(pfor 1 (- #xffffffff nm) probe)
(p (list 'probed (length probed) 'at-most max-running 'still-running running))
(p (list (apply min probed) (apply max probed)))
; the throttle returns the thunk's value and frees its place when the thunk raises
(define one (make-throttle 1))
(p (one (lambda () 'value)))
(p (without-exception (one (lambda () (raise 'oops)))))
(p (one (lambda () 'still-usable)))
; pfor raises the first exception of its calls once all have ended; halt is not one
(p (with-exception-catcher (lambda (e) (list 'raised e)) (lambda () (pfor 0 5 (lambda (i) (if (>= i 3) (raise i) i))))))
(pfor 0 3 (lambda (i) (halt)))
(p 'halted-calls-are-fine)
