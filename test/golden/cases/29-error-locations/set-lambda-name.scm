; a lambda assigned with set! is anonymous
(define g #f)
(set! g (lambda (x) (list (car x))))
(g 5)
