; let binds in parallel
(define x 'outer)
(write (let ((x 1) (y x)) (list x y))) (newline)
(write (let () 5)) (newline)
(write (let ((a 1)) (let ((a 2) (b a)) (list a b)))) (newline)
(write (let ((f (lambda (n) (* n 2)))) (f 21))) (newline)
(write (let ((x 1)) (define y 2) (+ x y))) (newline)
(write (let ((v (vector 1 2))) (vector-set! v 0 'a) v)) (newline)
