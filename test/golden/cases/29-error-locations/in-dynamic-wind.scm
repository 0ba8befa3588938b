; an error inside a dynamic-wind thunk
(define (f) (dynamic-wind (lambda () #f) (lambda () (list (car 2))) (lambda () #f)))
(f)
