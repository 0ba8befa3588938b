;; an unbound variable in a cond test
(define (g x)
  (cond ((pair? x) 1) (undefined-var 2)))
(g 1)
