; a captured continuation can be returned to several times
(define saved #f)
(define n 0)
(write (list 'got (continuation-capture (lambda (k) (set! saved k) 'first)))) (newline)
(set! n (+ n 1))
(if (< n 3) (continuation-return saved n))
(write 'end) (newline)
