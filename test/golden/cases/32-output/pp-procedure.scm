; pp of an interpreted procedure prints its source
(define (square x) (* x x))
(pp square)
(define (long-one lst) (let loop ((l lst) (acc 0)) (cond ((null? l) acc) ((pair? (car l)) (loop (cdr l) (+ acc (long-one (car l))))) (else (loop (cdr l) (+ acc 1))))))
(pp long-one)
(pp (lambda (a #!optional (b 2) #!rest r) (list a b r)))
(pp car)
