; an ill-formed form deep inside a procedure body
(display "never") (newline)
(define (f x)
  (let ((y 1))
    (cond ((= x 1) (if))
          (else y))))
