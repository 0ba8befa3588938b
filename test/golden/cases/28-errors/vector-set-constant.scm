; mutating a literal constant is allowed in gsi
(define v (quote #(1 2 3)))
(vector-set! v 0 (quote x))
(write v) (newline)
(define s "abc")
(string-set! s 0 #\z)
(write s) (newline)
