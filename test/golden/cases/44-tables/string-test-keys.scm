; A key that is not a string in a string=? or string-ci=? table: gsi's error comes from the
; table's hash procedure (string=?-hash), called from ##table-access, not from table-ref
; (gsi-ts showed the table-ref call form).
(define (p x) (write x) (newline))
(define hs (make-table test: string=?))
(define hc (make-table test: string-ci=?))
(table-set! hs "key" 1)
(table-set! hc "Key" 2)
(p (list (table-ref hs "key") (table-ref hc "KEY") (table-ref hs "KEY" 'none)))
(define (try thunk)
  (with-exception-catcher
   (lambda (e) (display-exception e (current-output-port)) 'caught)
   thunk))
(p (try (lambda () (table-ref hs 5 'd))))
(p (try (lambda () (table-set! hc 'a 1))))
(p (try (lambda () (list->table '((a . 1)) test: string=?))))
(table-ref hs 5)
