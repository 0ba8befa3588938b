; syntax-rules basics: several clauses, literals ignored, recursion, empty template parts.
; gsi 4.9.3 (Debian) has no working define-syntax, so these expectations follow R7RS 4.3.
(define-syntax my-if
  (syntax-rules ()
    ((_ c t e) (cond (c t) (else e)))))
(write (my-if #t 'yes 'no)) (newline)
; expect: yes
(write (my-if #f 'yes 'no)) (newline)
; expect: no

(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((temp e)) (if temp temp (my-or r ...))))))
(write (list (my-or) (my-or 1) (my-or #f 2) (my-or #f #f))) (newline)
; expect: (#f 1 2 #f)

(define-syntax while
  (syntax-rules ()
    ((_ cond body ...) (let lp () (when cond body ... (lp))))))
(define i 0)
(while (< i 3) (display i) (set! i (+ i 1)))
(newline)
; expect: 012

(define-syntax my-list-of-two
  (syntax-rules ()
    ((_ a b) (list 'a b))))
(write (my-list-of-two x 5)) (newline)
; expect: (x 5)
