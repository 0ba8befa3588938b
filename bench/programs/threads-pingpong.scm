;; 100,000 round trips of a message between two threads through their mailboxes
;; (thread-send, thread-receive). Prints the sum of the replies; the time inside the program
;; goes to stderr for bench/threads.ts (the first pass, and the best of 5 more).
(define n 100000)
(define (pong)
  (let loop ()
    (let ((m (thread-receive)))
      (if (pair? m)
          (begin (thread-send (car m) (cdr m)) (loop))
          'done))))
(define (ping-pong n)
  (let ((p (thread-start! (make-thread pong))) (me (current-thread)))
    (let loop ((i 0) (acc 0))
      (if (< i n)
          (begin (thread-send p (cons me i))
                 (loop (+ i 1) (+ acc (thread-receive))))
          (begin (thread-send p 'stop) (thread-join! p) acc)))))
(define t0 (real-time))
(define sum (ping-pong n))
(define elapsed (- (real-time) t0))
(display sum) (newline)
;; Then 5 more passes in the same process: the best is the steady state (JIT warm, heap grown),
;; which varies far less from run to run than the first pass.
(define warm
  (let loop ((i 0) (best elapsed))
    (if (= i 5)
        best
        (let ((t (real-time)))
          (ping-pong n)
          (loop (+ i 1) (min best (- (real-time) t)))))))
(let ((err (current-error-port)))
  (display "bench: elapsed=" err) (display elapsed err)
  (display " warm=" err) (display warm err) (newline err))
