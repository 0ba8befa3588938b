; tail calls in the body of call/cc and dynamic-wind thunks
(define (loop n) (if (= n 0) 'cc-done (call/cc (lambda (k) (loop (- n 1))))))
(write (loop 100000)) (newline)
(define (loop2 n) (if (= n 0) 'values-done (call-with-values (lambda () (- n 1)) loop2)))
(write (loop2 1000000)) (newline)
