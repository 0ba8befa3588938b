; the talk's helpers (scheme-lib/talk-helpers.scm, which runs unchanged in gsi): spawn,
; without-exception, halt, sleep, make-throttle, pfor; results are printed in a fixed order
(include "../../../../scheme-lib/talk-helpers.scm")
(define (p x) (write x) (newline))
(p (without-exception (car '())))
(p (without-exception (list 1 2)))
(define t (spawn (begin (sleep .01) 'spawned)))
(p (thread-join! t))
; a spawned thread prints on the console even from inside with-output-to-string
(define captured
  (with-output-to-string
    (lambda ()
      (display "captured ")
      (thread-join! (spawn (begin (display "from spawned thread") (newline)))))))
(p captured)
(define h (spawn (begin (halt) 'not-reached)))
(p (without-exception (thread-join! h)))
; at most 3 of the 10 calls run at once
(define throttle (make-throttle 3))
(define running 0)
(define most 0)
(define m (make-mutex))
(define (note! d)
  (mutex-lock! m)
  (set! running (+ running d))
  (if (> running most) (set! most running))
  (mutex-unlock! m))
(pfor 0 10 (lambda (i) (throttle (lambda () (note! 1) (sleep .01) (note! -1)))))
(p (list 'most-at-once most 'running running))
; pfor runs every index once, in its own thread
(define seen (make-vector 8 #f))
(pfor 0 8 (lambda (i) (vector-set! seen i (* i i))))
(p seen)
(p (without-exception (pfor 0 4 (lambda (i) (if (= i 2) (car i) i)))))
(p (with-exception-catcher (lambda (e) (type-exception? e)) (lambda () (pfor 0 4 (lambda (i) (if (odd? i) (vector-ref i 0) i))))))
(p (with-exception-catcher error-object-message (lambda () (pfor 0 3 (lambda (i) (if (= i 1) (error "pfor failure" i)))))))
(sleep (quote soon))
