; guard (R7RS 4.2.7). gsi 4.9.3 has no guard (Unbound variable: guard); gsi-ts provides it.
(write (guard (e (#t (list 'caught e))) (raise 'oops))) (newline)
; expect: (caught oops)
(write (guard (e ((symbol? e) (list 'sym e)) ((string? e) (list 'str e))) (raise "boom"))) (newline)
; expect: (str "boom")
(write (guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'a 42))))) (newline)
; expect: 42
(write (guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'b 23))))) (newline)
; expect: (b . 23)
(write (guard (e (else 'else-clause)) (raise 1))) (newline)
; expect: else-clause
(write (guard (e (#f 'no)) 'no-raise)) (newline)
; expect: no-raise
(write (guard (e ((error-object? e) (error-object-message e))) (error "msg" 1 2))) (newline)
; expect: "msg"
(write (guard (e ((error-object? e) (error-object-irritants e))) (error "msg" 1 "two" 'three))) (newline)
; expect: (1 "two" three)
(write (guard (e ((string? e) 'string)) (+ 1 2))) (newline)
; expect: 3
(write (call-with-values (lambda () (guard (e (#t 'x)) (values 1 2))) list)) (newline)
; expect: (1 2)
(write (guard (e (#t (display "handler ") e)) (raise 'x))) (newline)
; expect: handler x
