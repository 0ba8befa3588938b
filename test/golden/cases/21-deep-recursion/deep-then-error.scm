; an error at the bottom of a deep recursion
(define (down n) (if (= n 0) (car '()) (+ 1 (down (- n 1)))))
(display "start") (newline)
(down 100000)
