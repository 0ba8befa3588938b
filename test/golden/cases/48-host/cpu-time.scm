; cpu-time is the process's CPU time (user + system): it stands still while every thread
; sleeps and moves while the program computes; real-time moves in both cases.
(define (p x) (write x) (newline))
(define c0 (cpu-time))
(define r0 (real-time))
(thread-sleep! .5)
(define c1 (cpu-time))
(define r1 (real-time))
(p (>= (- r1 r0) .5))
(p (< (- c1 c0) .25))
(let loop ((i 0)) (if (< i 3000000) (loop (+ i 1))))
(define c2 (cpu-time))
(p (> (- c2 c1) .02))
