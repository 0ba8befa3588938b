; A traced closure's code has the trace step in it, a primitive of its own that no other
; process knows: the receiver refuses it (gsi-ts; what gsi does was not recorded). Untraced,
; the same closure travels again.
(define (sq x) (* x x))
(trace sq)
(define bytes (object->u8vector sq))
(display (with-exception-catcher
          (lambda (e) (call-with-output-string (lambda (p) (display-exception e p))))
          (lambda () (u8vector->object bytes))))
(untrace sq)
(display ((u8vector->object (object->u8vector sq)) 7))
(newline)
; expect: deserialization error: unknown primitive ##trace-call
; expect: 49
