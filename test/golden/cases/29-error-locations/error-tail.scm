; error called in tail position of a procedure
(define (w8) (error "e8"))
(w8)
