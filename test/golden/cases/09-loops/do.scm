; do loops
(write (do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc))) (newline)
(write (do ((vec (make-vector 5)) (i 0 (+ i 1))) ((= i 5) vec) (vector-set! vec i i))) (newline)
(write (let ((x '(1 3 5 7 9))) (do ((x x (cdr x)) (sum 0 (+ sum (car x)))) ((null? x) sum)))) (newline)
(do ((i 0 (+ i 1))) ((= i 3)) (display i) (display " "))
(newline)
(write (do ((i 0 (+ i 1))) ((= i 3)))) (newline)
(write (do ((i 0 (+ i 1)) (j 10)) ((= i 2) (list i j)) (set! j (- j 1)))) (newline)
