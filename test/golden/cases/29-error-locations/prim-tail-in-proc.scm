; a failing primitive call in tail position: location of the pending call that called the procedure
(define (h x) (car x))
(define (w) (h 5) (quote after))
(w)
