; in gsi the handler of with-exception-handler runs with itself still installed:
; a raise inside the handler calls the same handler again (R7RS would call the outer one)
(define n 0)
(write (with-exception-catcher
  (lambda (e) (list 'outer-got e n))
  (lambda ()
    (with-exception-handler
      (lambda (e) (set! n (+ n 1)) (if (< n 5) (raise (list 'wrapped e)) (list 'gave-up e)))
      (lambda () (raise 'inner))))))
(newline)
