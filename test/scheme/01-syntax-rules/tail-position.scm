; a loop written with a syntax-rules macro stays a loop (no stack growth)
(define-syntax my-unless
  (syntax-rules () ((_ c body ...) (if c #f (begin body ...)))))
(define (count n) (my-unless (= n 0) (count (- n 1))))
(write (count 1000000)) (newline)
; expect: #f
