; Gambit's continuation-capture and continuation-return
(define (C z) (continuation-capture (lambda (k) (continuation-return k (* z z)))))
(define (B y) (* (C 3) y))
(define (A x) (+ (B 2) x))
(write (A 1)) (newline)
(write (continuation-capture (lambda (k) (continuation? k)))) (newline)
(write (+ 1 (continuation-capture (lambda (k) (+ 100 (continuation-return k 5)))))) (newline)
(write (call-with-values (lambda () (continuation-capture (lambda (k) (continuation-return k 1 2 3)))) list)) (newline)
(write (continuation? (lambda () 1))) (newline)
