; guard catches errors signalled by the system
(write (guard (e (#t 'caught-car)) (car 1))) (newline)
; expect: caught-car
(write (guard (e (#t 'caught-div)) (/ 1 0))) (newline)
; expect: caught-div
(write (guard (e (#t 'caught-unbound)) undefined-variable-xyz)) (newline)
; expect: caught-unbound
(write (guard (e (#t 'caught-arity)) ((lambda (x) x)))) (newline)
; expect: caught-arity
(write (guard (e (#t 'caught-nonproc)) (5 5))) (newline)
; expect: caught-nonproc
(write (guard (e ((error-object? e) 'is-error-object) (else 'not-error-object)) (raise 5))) (newline)
; expect: not-error-object
(write (guard (e ((error-object? e) 'is-error-object) (else 'not-error-object)) (error "x"))) (newline)
; expect: is-error-object
