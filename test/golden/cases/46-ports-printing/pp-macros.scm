; pp of procedures using parameterize and case-lambda: gsi shows their macro expansion, with
; gensyms (see DIFFERENCES.md); gsi-ts shows them as written
(define (f17) (parameterize ((current-output-port (open-output-string))) (display 1)))
(pp f17)
(define (f18 x) (case-lambda ((a) a) ((a b) b)))
(pp f18)
