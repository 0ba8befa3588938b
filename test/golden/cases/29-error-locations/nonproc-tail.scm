; a non-procedure operator: the location of the call expression, even in tail position
(define (w13) ("notproc" 1))
(list (w13))
