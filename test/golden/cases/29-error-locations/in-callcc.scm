; an error inside a call/cc receiver
(define (f) (list (call/cc (lambda (k) (list (car 1))))))
(f)
