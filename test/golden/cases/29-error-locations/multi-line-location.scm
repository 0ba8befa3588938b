; line and column count from 1; the error is on line 5
(define (f x)
  (let ((y (* x 2)))

    (list    (vector-ref y 0))))
(f 1)
