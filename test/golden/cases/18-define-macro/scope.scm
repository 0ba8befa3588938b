; a macro is usable after its definition in the same file, also inside procedures defined before
(define (use-later) (twice 21))
(define-macro (twice e) `(* 2 ,e))
(write (twice 5)) (newline)
(let ()
  (define-macro (local-mac x) `(list ,x ,x))
  (write (local-mac 1)) (newline))
(write (use-later)) (newline)
