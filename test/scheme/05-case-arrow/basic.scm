; case clauses with => (R7RS 4.2.1). gsi 4.9.3 reads => in a case clause as a variable
; (Unbound variable: =>); gsi-ts follows R7RS.
(write (case 5 ((5) => (lambda (x) (* x 10))) (else 'no))) (newline)
; expect: 50
(write (case 6 ((5) => (lambda (x) (* x 10))) (else => (lambda (x) (list 'else x))))) (newline)
; expect: (else 6)
(write (case 'a ((a b) => symbol->string))) (newline)
; expect: "a"
(write (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))) (newline)
; expect: composite
(define (loop n) (case n ((0) 'done) (else => (lambda (k) (loop (- k 1))))))
(write (loop 100000)) (newline)
; expect: done
