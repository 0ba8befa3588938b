; a failing primitive call in non-tail position inside a procedure: location of that call, named by the procedure
(define (g x) (list (car x)))
(g 5)
