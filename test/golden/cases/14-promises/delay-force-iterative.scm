; delay-force lets a promise chain run in constant space (R7RS stream example)
(define (stream-drop s n)
  (delay-force
    (if (= n 0) s (stream-drop (force s) (- n 1)))))
(define (loop n) (delay-force (if (= n 0) (delay 'done) (loop (- n 1)))))
(write (force (loop 100000))) (newline)
(define (ints n) (delay (cons n (ints (+ n 1)))))
(define (stream-ref s k) (if (= k 0) (car (force s)) (stream-ref (cdr (force s)) (- k 1))))
(write (stream-ref (ints 0) 1000)) (newline)
