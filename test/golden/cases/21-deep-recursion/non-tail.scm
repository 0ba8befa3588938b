; deep non-tail recursion: a million pending frames
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(write (count 1000000)) (newline)
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define big (build 1000000))
(write (length big)) (newline)
(write (car big)) (newline)
