; a long named-let loop
(write (let loop ((i 0) (sum 0)) (if (= i 1000000) sum (loop (+ i 1) (+ sum i))))) (newline)
(define (count-to n) (do ((i 0 (+ i 1))) ((= i n) i)))
(write (count-to 1000000)) (newline)
