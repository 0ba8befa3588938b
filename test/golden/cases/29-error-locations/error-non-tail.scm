; error called in non-tail position
(define (e x) (list (error "boom" x)))
(e 5)
