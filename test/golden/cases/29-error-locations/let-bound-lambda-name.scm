; a lambda bound by define inside let keeps the define name
(define f2 (let ((n 1)) (lambda (x) (list (+ n (car x))))))
(f2 5)
