; a call in a let init inside a procedure
(define (h x) (car x))
(define (w16) (let ((r (h 5))) r))
(w16)
