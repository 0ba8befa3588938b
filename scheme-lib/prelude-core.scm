;; Core procedures best written in Scheme (loaded at start-up into every Vm).

;; Gambit's with-exception-catcher: on a raise, escape to the catcher's continuation, then call
;; the handler there (so the handler runs outside the thunk's dynamic extent).
(define (with-exception-catcher handler thunk)
  ((##call/cc
    (lambda (k)
      (##with-exception-handler
       (lambda (e) (k (lambda () (handler e))))
       (lambda ()
         (##call-with-values thunk (lambda vals (lambda () (##apply ##values vals))))))))))

;; R7RS make-parameter: the converter applies to the initial value and to parameterize's values.
(define (make-parameter value #!optional (converter #f))
  (##make-parameter (if converter (converter value) value) converter))
