; (time expr [port]): the report's shape (its numbers vary), recorded from gsi by
; test/golden/record.sh test/golden/shapes/time.scm; compared by test/unit/time.test.ts.
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define v (time (fib 22)))
(write v)
(newline)
(write (call-with-values (lambda () (time (values 1 "two") (current-output-port))) list))
(newline)
(define l (time (let loop ((i 0) (l '())) (if (< i 300000) (loop (+ i 1) (cons i l)) (length l)))))
(write l)
(newline)
