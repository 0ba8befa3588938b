;; 100,000 threads asleep at once: each sleeps 2 s, then all are joined. bench/threads.ts
;; measures the peak memory of the process (the goal: under 500 MB).
(define n 100000)
(define t0 (real-time))
(define threads
  (let loop ((i 0) (acc '()))
    (if (< i n)
        (loop (+ i 1) (cons (thread-start! (make-thread (lambda () (thread-sleep! 2) 1))) acc))
        acc)))
(thread-yield!)
(define started (- (real-time) t0))
(define sum (let loop ((ts threads) (s 0)) (if (null? ts) s (loop (cdr ts) (+ s (thread-join! (car ts)))))))
(define elapsed (- (real-time) t0))
(display sum) (newline)
(let ((err (current-error-port)))
  (display "bench: elapsed=" err) (display elapsed err)
  (display " started=" err) (display started err) (newline err))
