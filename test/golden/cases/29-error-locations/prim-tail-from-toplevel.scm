; a tail call at top level counts as pending: location of (h 5)
(define (h x) (car x))
(display "start") (newline)
(h 5)
