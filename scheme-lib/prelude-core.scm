;; Core procedures best written in Scheme (loaded at start-up into every Vm).

;; gsi's call-with-current-continuation is the procedure call/cc (it prints, and errors show, that name).
(define call-with-current-continuation call/cc)

;; R7RS make-parameter: the converter applies to the initial value and to parameterize's values.
(define (make-parameter value #!optional (converter #f))
  (##make-parameter (if converter (converter value) value) converter))
