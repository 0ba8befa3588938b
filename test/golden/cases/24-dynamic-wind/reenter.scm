; re-entering a dynamic-wind extent runs the before thunk again
(define trace '())
(define (note x) (set! trace (cons x trace)))
(define k #f)
(define n 0)
(dynamic-wind
  (lambda () (note 'before))
  (lambda () (call/cc (lambda (c) (set! k c))) (note 'body))
  (lambda () (note 'after)))
(set! n (+ n 1))
(if (< n 3) (k 'again))
(write (reverse trace)) (newline)
