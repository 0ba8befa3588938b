; tail calls through case-lambda and rest-argument procedures
(define f (case-lambda ((n) (f n 'acc)) ((n acc) (if (= n 0) acc (f (- n 1) acc)))))
(write (f 1000000)) (newline)
(define (g n . rest) (if (= n 0) rest (g (- n 1) 'r)))
(write (g 1000000)) (newline)
