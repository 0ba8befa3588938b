; tak 18 12 6, 25 times (about 0.3 s in gsi): deep call trees of small non-tail calls
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (repeat n) (let loop ((i 0) (r #f)) (if (= i n) r (loop (+ i 1) (tak 18 12 6)))))
(display (repeat 25)) (newline)
