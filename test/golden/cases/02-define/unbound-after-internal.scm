; an internal define does not create a global
(define (f) (define secret 42) secret)
(write (f)) (newline)
(write secret) (newline)
