; R7RS: a promise forced re-entrantly keeps the first value computed
(define x 5)
(define p (delay (begin (set! x (+ x 1)) (if (> x 10) x (force p)))))
(write (force p)) (newline)
(set! x 20)
(write (force p)) (newline)
