; continuation-graft calls a procedure in the context of a continuation
(define (show . xs) (for-each display xs) (newline))
(define result
  (+ 1000 (continuation-capture
            (lambda (k)
              (+ 1 (continuation-graft k (lambda (a b) (* a b)) 6 7))))))
(show result)
(define k2 #f)
(define v (+ 1 (continuation-capture (lambda (k) (set! k2 k) 0))))
(show "v=" v)
(if (< v 3) (continuation-graft k2 (lambda () v)))
(show "end")
