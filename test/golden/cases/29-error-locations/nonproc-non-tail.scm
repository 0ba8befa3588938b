; a non-procedure operator in non-tail position
(define (w14) (list ("notproc" 1)))
(w14)
