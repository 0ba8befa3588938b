; A long object->u8vector whose encoder is a leaf procedure (run without the machine, see
; interpreter/fast.ts) still lets the other threads run, as it did when every call went
; through the machine (gsi-ts; not recorded from gsi). The talk's encoder is such a procedure.
(define ticks 0)
(define t (thread-start! (make-thread (lambda () (let loop () (set! ticks (+ ticks 1)) (thread-yield!) (loop))))))
(thread-yield!)
(define before ticks)
(define (enc x) (if (eq? x (current-output-port)) 'stdout x))
(define m (object->u8vector (iota 100000) enc))
(display (> (- ticks before) 10))
(newline)
(display (equal? (u8vector->object m) (iota 100000)))
(newline)
; expect: #t
; expect: #t
