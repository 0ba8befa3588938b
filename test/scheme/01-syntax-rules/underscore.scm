; _ matches anything and binds nothing
(define-syntax second
  (syntax-rules ()
    ((_ _ b . _) 'b)))
(write (second 1 2 3 4)) (newline)
; expect: 2
(define-syntax count-args
  (syntax-rules ()
    ((_) 0)
    ((_ _) 1)
    ((_ _ _) 2)
    ((_ _ _ _ ...) 'many)))
(write (list (count-args) (count-args a) (count-args a b) (count-args a b c d))) (newline)
; expect: (0 1 2 many)
