; trace works on the procedure object: every variable holding it sees the trace; (trace) lists
; the traced procedures; an anonymous procedure can be traced; a non-procedure is refused
(define k (lambda (x) x))
(define (m x) x)
(define alias m)
(trace alias)
(m 1)
(alias 2)
(display (trace)) (newline)
(trace (lambda (y) y))
(display "after") (newline)
(trace 5)
