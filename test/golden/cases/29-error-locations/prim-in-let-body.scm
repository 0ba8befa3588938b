; let is not a call: the call in the let body is the pending call
(define (h x) (car x))
(define (w15) (h 5))
(let () (let ((a 1)) (w15)))
