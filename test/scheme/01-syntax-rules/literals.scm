; literals in syntax-rules match only the same binding (R7RS 4.3.2)
(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b body ...) (do ((x a (+ x 1))) ((> x b)) body ...))))
(for y in '(a b c) (display y))
(newline)
; expect: abc
(for k from 1 to 4 (display k))
(newline)
; expect: 1234

(define-syntax is-else
  (syntax-rules (else)
    ((_ else) 'matched-else)
    ((_ other) 'not-else)))
(write (is-else else)) (newline)
; expect: matched-else
(write (is-else something)) (newline)
; expect: not-else
(write (let ((else 1)) (is-else else))) (newline)
; expect: not-else

(define-syntax arrow-test
  (syntax-rules (=>)
    ((_ a => b) (list 'arrow a b))
    ((_ a b c) (list 'plain a b c))))
(write (arrow-test 1 => 2)) (newline)
; expect: (arrow 1 2)
(write (arrow-test 1 2 3)) (newline)
; expect: (plain 1 2 3)
