; ackermann 3 6 (= 509), 6 times (about 0.25 s in gsi): recursion whose depth goes up and down
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))
(define (repeat k) (let loop ((i 0) (r #f)) (if (= i k) r (loop (+ i 1) (ack 3 6)))))
(display (repeat 6)) (newline)
