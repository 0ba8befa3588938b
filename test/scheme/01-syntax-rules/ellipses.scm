; ellipsis patterns: trailing, nested, followed by more patterns, in vectors, dotted tails
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(write (my-let* ((a 1) (b (+ a 1)) (c (* b 10))) (list a b c))) (newline)
; expect: (1 2 20)

(define-syntax heads-and-tails
  (syntax-rules ()
    ((_ (a b ...) ...) '((a ...) ((b ...) ...)))))
(write (heads-and-tails (1 2 3) (4) (5 6))) (newline)
; expect: ((1 4 5) ((2 3) () (6)))

(define-syntax nested
  (syntax-rules ()
    ((_ (name val ...) ...) '((name (val ...)) ...))))
(write (nested (a 1 2) (b) (c 3))) (newline)
; expect: ((a (1 2)) (b ()) (c (3)))

(define-syntax last-of
  (syntax-rules ()
    ((_ x ... y) 'y)))
(write (last-of 1 2 3 4)) (newline)
; expect: 4
(write (last-of only)) (newline)
; expect: only

(define-syntax middle
  (syntax-rules ()
    ((_ first x ... last) '(x ...))))
(write (middle 1 2 3 4 5)) (newline)
; expect: (2 3 4)

(define-syntax vec-pat
  (syntax-rules ()
    ((_ #(a b ...)) (list 'a '(b ...)))))
(write (vec-pat #(1 2 3))) (newline)
; expect: (1 (2 3))

(define-syntax dotted
  (syntax-rules ()
    ((_ a . rest) '(a rest))))
(write (dotted 1 2 3)) (newline)
; expect: (1 (2 3))
(write (dotted 1)) (newline)
; expect: (1 ())

(define-syntax to-vector
  (syntax-rules ()
    ((_ x ...) #(x ... end))))
(write (to-vector 1 2)) (newline)
; expect: #(1 2 end)
