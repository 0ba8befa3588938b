; a use that matches no clause is a syntax error, reported before anything in the file runs
(define-syntax two-args
  (syntax-rules ()
    ((_ a b) (list a b))))
(display "never printed")
(two-args 1)
; expect error: Ill-formed special form
