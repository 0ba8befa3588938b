; cond-expand tests the names of (features), which are gsi 4.9.3's: no r7rs, but srfi-N and
; SRFI-N, GAMBIT; else counts only in the last clause; definitions in a body are local.
(define (p x) (write x) (newline))
(p (features))
(p (cond-expand (r7rs 'r7rs) (gambit 'gambit)))
(p (cond-expand ((and srfi-0 SRFI-88 (or foo ratios)) 'and-or) (else 'no)))
(p (cond-expand ((not ieee-float) 'no) ((not foo) 'not)))
(p (cond-expand ((and) 'empty-and) (else 'no)))
(p (cond-expand ((or) 'no) (else 'else)))
(p (cond-expand (else 'first-else) (else 'last-else)))
(p (cond-expand ((and else) 'no) (full-unicode 'full-unicode)))
(cond-expand (gambit (define top 'defined-at-top)))
(p top)
(p (let () (cond-expand (exact-complex (define inner 'inner))) inner))
