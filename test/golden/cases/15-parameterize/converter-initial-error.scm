;; an error in the converter applied to the initial value is IN ##make-parameter, as in gsi
(define p (make-parameter 1 (lambda (x) (car x))))
