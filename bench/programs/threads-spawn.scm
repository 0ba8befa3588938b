;; 100,000 threads, each started and joined in turn (make-thread, thread-start!, thread-join!).
;; Prints the sum of their results; the time inside the program goes to stderr for
;; bench/threads.ts (bench/run.ts compares stdout only): the first pass, and the best of 5 more.
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
;; Then 5 more passes in the same process: the best is the steady state (JIT warm, heap grown),
;; which varies far less from run to run than the first pass.
(define warm
  (let loop ((i 0) (best elapsed))
    (if (= i 5)
        best
        (let ((t (real-time)))
          (spawn-join n)
          (loop (+ i 1) (min best (- (real-time) t)))))))
(let ((err (current-error-port)))
  (display "bench: elapsed=" err) (display elapsed err)
  (display " warm=" err) (display warm err) (newline err))
