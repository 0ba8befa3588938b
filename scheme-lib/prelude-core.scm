;; Core procedures best written in Scheme (loaded at start-up into every Vm).

;; R7RS make-parameter: the converter applies to the initial value and to parameterize's values.
(define (make-parameter value #!optional (converter #f))
  (##make-parameter (if converter (converter value) value) converter))
