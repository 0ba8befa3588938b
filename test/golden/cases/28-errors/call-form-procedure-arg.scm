; a procedure argument in a call form
(define (f x) x)
(vector-ref f 0)
