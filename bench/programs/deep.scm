; 10^6-deep non-tail recursion: a long continuation, built and unwound
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(display (count 1000000)) (newline)
