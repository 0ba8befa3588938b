; guard unwinds dynamic-wind before running its clauses
(define trace '())
(define (note x) (set! trace (cons x trace)))
(write (guard (e (#t (note 'handler) e))
  (dynamic-wind
    (lambda () (note 'before))
    (lambda () (raise 'x))
    (lambda () (note 'after)))))
(newline)
; expect: x
(write (reverse trace)) (newline)
; expect: (before after handler)
