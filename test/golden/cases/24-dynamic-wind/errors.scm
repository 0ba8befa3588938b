; with-exception-catcher escaping out of a dynamic-wind runs the after thunk
(define trace '())
(define (note x) (set! trace (cons x trace)))
(write (with-exception-catcher
  (lambda (e) (note 'caught) 'handled)
  (lambda () (dynamic-wind (lambda () (note 'before)) (lambda () (car 1)) (lambda () (note 'after))))))
(newline)
(write (reverse trace)) (newline)
(dynamic-wind (lambda () (display "in") (newline)) (lambda () (car 1)) (lambda () (display "out") (newline)))
