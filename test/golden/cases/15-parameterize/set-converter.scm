; Setting a parameter by calling it with a value, (p v), runs its converter as gsi does:
; gsi-ts stored v itself, so after (p 7) with a doubling converter (p) was 7, not 14. A
; converter that raises leaves the parameter unchanged, inside parameterize too, and an
; error in it is located "IN ##make-parameter" when the converter raised in tail position.
(define (show x) (write x) (newline))
(define p (make-parameter 1 (lambda (x) (* x 2))))
(show (p))
(show (p 7))
(show (p))
(parameterize ((p 10))
  (show (p))
  (p 3)
  (show (p)))
(show (p))
(define q (make-parameter 1 (lambda (x) (if (number? x) x (error "not a number:" x)))))
(show (with-exception-catcher (lambda (e) (display-exception e (current-output-port)) 'caught)
                              (lambda () (q 'a))))
(show (q))
(q 5)
(show (q))
(define r (make-parameter (vector 4) (lambda (x) (vector-ref x 0))))
(show (with-exception-catcher (lambda (e) 'caught) (lambda () (r 'v))))
(show (r))
(q 'z)
