; vector index out of range
(define v (vector 1 2 3))
(write (vector-ref v 2)) (newline)
(vector-ref v 3)
