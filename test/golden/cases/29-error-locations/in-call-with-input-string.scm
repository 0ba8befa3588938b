;; an error in the tail of the procedure given to call-with-input-string is IN call-with-input-string
(define (g x)
  (call-with-input-string "a" (lambda (p) (car x))))
(display (call-with-values (lambda () (call-with-input-string "a" (lambda (p) (values 1 (read-char p))))) list))
(newline)
(g 1)
