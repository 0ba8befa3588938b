; apply in tail position
(define (w6) (apply car (quote (5))))
(w6)
