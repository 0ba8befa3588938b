; an error inside (time ...): no report, the error located as gsi locates it
(define (f x) (car x))
(display "before")
(newline)
(time (f 1))
(display "not reached")
