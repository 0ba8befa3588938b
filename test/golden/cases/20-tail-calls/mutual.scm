; a million tail calls through mutual recursion run in constant space
(define (ev? n) (if (= n 0) #t (od? (- n 1))))
(define (od? n) (if (= n 0) #f (ev? (- n 1))))
(write (ev? 1000000)) (newline)
(write (od? 1000001)) (newline)
