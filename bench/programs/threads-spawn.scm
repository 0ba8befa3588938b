;; 100,000 threads, each started and joined in turn (make-thread, thread-start!, thread-join!).
;; Prints the sum of their results; the time inside the program goes to stderr for
;; bench/threads.ts (bench/run.ts compares stdout only).
(define n 100000)
(define (spawn-join n)
  (let loop ((i 0) (acc 0))
    (if (< i n)
        (loop (+ i 1) (+ acc (thread-join! (thread-start! (make-thread (lambda () i))))))
        acc)))
(define t0 (real-time))
(define sum (spawn-join n))
(define elapsed (- (real-time) t0))
(display sum) (newline)
(let ((err (current-error-port)))
  (display "bench: elapsed=" err) (display elapsed err) (newline err))
