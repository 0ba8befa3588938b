; define-syntax inside a body
(define (f x)
  (define-syntax double
    (syntax-rules () ((_ e) (* 2 e))))
  (double x))
(write (f 21)) (newline)
; expect: 42
(define (g)
  (define-syntax ten (syntax-rules () ((_) 10)))
  (define y (ten))
  (+ y (ten)))
(write (g)) (newline)
; expect: 20
