; guard inside a loop: each iteration's guard is gone when the next starts
(define (loop n acc)
  (if (= n 0)
      acc
      (loop (- n 1) (+ acc (guard (e (#t 1)) (raise 'x))))))
(write (loop 10000 0)) (newline)
; expect: 10000
