; named let
(write (let loop ((i 0) (acc '())) (if (= i 5) (reverse acc) (loop (+ i 1) (cons i acc))))) (newline)
(write (let fact ((n 10)) (if (= n 0) 1 (* n (fact (- n 1)))))) (newline)
(write (let loop () 'once)) (newline)
(define (count-down n)
  (let loop ((k n) (out '()))
    (if (< k 0) out (loop (- k 1) (cons k out)))))
(write (count-down 5)) (newline)
(write (let f ((x 1)) (if (procedure? f) 'f-is-bound 'no))) (newline)
