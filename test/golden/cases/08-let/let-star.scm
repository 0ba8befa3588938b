; let* binds sequentially
(write (let* ((x 1) (y (+ x 1)) (z (* y 10))) (list x y z))) (newline)
(write (let* () 'empty)) (newline)
(write (let* ((x 1) (x (+ x 1)) (x (* x 10))) x)) (newline)
(define x 100)
(write (let* ((y x) (x 1)) (list x y))) (newline)
