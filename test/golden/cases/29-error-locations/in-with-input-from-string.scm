;; an error in the tail of the thunk given to with-input-from-string is IN with-input-from-string
(define (g x)
  (with-input-from-string "a" (lambda () (car x))))
(display (call-with-values (lambda () (with-input-from-string "a b" (lambda () (values (read) (read))))) list))
(newline)
(g 1)
