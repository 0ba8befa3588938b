; the whole file is read and compiled before its first form runs:
; a syntax error near the end means nothing is printed
(display "first form") (newline)
(define (f) 1)
(display "third form") (newline)
(let ((x 1) (x 2)) x)
