;; an error in an unquoted expression
(define (g x)
  `(1 ,(+ 1 1) ,@(list (car x))))
(g 1)
