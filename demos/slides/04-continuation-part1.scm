(define (C z)
  ...)

(define (B y)
  (* (C 3) y))

(define (A x)
  (+ (B 2) x))

(A 1)
