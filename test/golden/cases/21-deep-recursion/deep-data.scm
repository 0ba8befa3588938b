; writing and comparing deeply nested data
(define (nest n) (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (list acc)))))
(write (equal? (nest 100000) (nest 100000))) (newline)
(write (nest 5)) (newline)
