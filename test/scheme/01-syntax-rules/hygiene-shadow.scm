; Hygiene: names used by a template refer to their bindings at the macro definition,
; even if the use site shadows them (R7RS 4.3, the my-or / if example).
(define-syntax my-or2
  (syntax-rules ()
    ((_ a b) (let ((t a)) (if t t b)))))
(write (let ((if list)) (my-or2 #f 3))) (newline)
; expect: 3
(write (let ((let 'shadowed-let)) (my-or2 #f 4))) (newline)
; expect: 4

(define-syntax first-of
  (syntax-rules ()
    ((_ l) (car l))))
(write (let ((car cdr)) (first-of '(1 2 3)))) (newline)
; expect: 1

(define x 'global-x)
(define-syntax get-x
  (syntax-rules ()
    ((_) x)))
(write (let ((x 'local-x)) (get-x))) (newline)
; expect: global-x

(define-syntax define-getter
  (syntax-rules ()
    ((_ name val) (begin (define hidden val) (define (name) hidden)))))
(define-getter get-a 'a)
(write (get-a)) (newline)
; expect: a
