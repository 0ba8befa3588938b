; tail calls inside an immediately applied lambda: location of the outer call
(define (h x) (car x))
(define (w15) (h 5))
((lambda () (w15)))
