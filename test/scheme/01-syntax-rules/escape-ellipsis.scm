; (... ...) escapes an ellipsis in a template; a custom ellipsis identifier (R7RS). (`:::` would
; read as a keyword in Gambit syntax, so the custom ellipsis here is `<dots>`.)
(define-syntax def-my-list
  (syntax-rules ()
    ((_ name) (define-syntax name
                (syntax-rules ()
                  ((_ args (... ...)) (list args (... ...))))))))
(def-my-list my-list)
(write (my-list 1 2 3)) (newline)
; expect: (1 2 3)

(define-syntax quoted-dots
  (syntax-rules ()
    ((_) '(... ...))))
(write (quoted-dots)) (newline)
; expect: ...

(define-syntax my-ellipsis
  (syntax-rules <dots> ()
    ((_ x <dots>) (list 'x <dots> '...))))
(write (my-ellipsis a b)) (newline)
; expect: (a b ...)
