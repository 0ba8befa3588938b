; an error at the end of a named-let loop in tail position
(define (w5) (let loop ((i 0)) (if (< i 3) (loop (+ i 1)) (car i))))
(w5)
