; the whole file is compiled before it runs, so a macro defined by eval
; at run time is not seen by later forms of the same file
(display "start") (newline)
(eval '(define-macro (m x) `(list ,x ,x)))
(write (eval '(m 4))) (newline)
(write (m 4)) (newline)
