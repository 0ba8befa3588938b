; write of shared (not circular) structure prints it repeatedly
(define x (list 1 2))
(write (list x x)) (newline)
(define v (vector x x))
(write v) (newline)
