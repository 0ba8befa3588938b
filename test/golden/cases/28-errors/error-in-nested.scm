; an error several calls deep
(define (a x) (+ 1 (b x)))
(define (b x) (* 2 (c x)))
(define (c x) (- (error "deep error" x) 1))
(display (a 5))
