; each iteration of a named let / do gets fresh bindings
(define procs
  (let loop ((i 0) (acc '()))
    (if (= i 3) (reverse acc) (loop (+ i 1) (cons (lambda () i) acc)))))
(write (map (lambda (p) (p)) procs)) (newline)
(define procs2 '())
(do ((i 0 (+ i 1))) ((= i 3)) (set! procs2 (cons (lambda () i) procs2)))
(write (map (lambda (p) (p)) procs2)) (newline)
