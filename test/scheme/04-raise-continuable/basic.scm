; raise-continuable (R7RS 6.11). gsi 4.9.3 lacks it (Unbound variable); gsi-ts provides it.
(write (with-exception-handler
  (lambda (con) (cond ((string? con) (display con)) (else (display "a warning has been issued"))) 42)
  (lambda () (+ (raise-continuable "should be a number") 23))))
(newline)
; expect: should be a number65
(write (with-exception-handler (lambda (e) (* e 2)) (lambda () (+ 1 (raise-continuable 20))))) (newline)
; expect: 41
(write (with-exception-catcher (lambda (e) (list 'caught e)) (lambda () (raise-continuable 'c)))) (newline)
; expect: (caught c)
