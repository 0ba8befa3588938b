; the column of a call nested inside other forms on one line
(define (f x) (if (pair? x) (car x) (let ((y x)) (cons 1 (list (vector-ref y 0))))))
(f 7)
