; let-values with too few values is an error
(display "start") (newline)
; expect: start
(let-values (((a b) (values 1))) (list a b))
; expect error: Wrong number of arguments passed to procedure
