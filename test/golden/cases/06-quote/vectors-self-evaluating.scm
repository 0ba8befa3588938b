; vectors are self-evaluating in gsi
(write #(1 2 3)) (newline)
(write (vector-length #(a b c))) (newline)
(write #()) (newline)
(write (vector-ref #((1 2) "x") 0)) (newline)
