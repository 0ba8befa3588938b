; a macro keyword is not a variable
(define-syntax kw (syntax-rules () ((_) 1)))
(display "never printed")
(write kw)
; expect error: Macro name can't be used as a variable: kw
