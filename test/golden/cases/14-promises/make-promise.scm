; make-promise wraps a value; a promise passed to make-promise is returned as is
(define p (make-promise 10))
(write (promise? p)) (newline)
(write (force p)) (newline)
(define q (delay 3))
(write (eq? q (make-promise q))) (newline)
(write (force (make-promise (list 1 2)))) (newline)
