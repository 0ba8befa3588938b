; error with only a message
(define (f) (error "plain message"))
(list (f))
