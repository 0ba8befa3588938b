(define (C z)
  (continuation-capture
   (lambda (k)
     (continuation-return
      k
      (* z z))))))

(define (B y)
  (* (C 3) y))

(define (A x)
  (+ (B 2) x))

(A 1)
