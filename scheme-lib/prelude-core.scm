;; Core procedures best written in Scheme (loaded at start-up into every Vm).

;; gsi's call-with-current-continuation is the procedure call/cc (it prints, and errors show, that name).
(define call-with-current-continuation call/cc)

;; Gambit's abort (gsi 4.9.3's macro-abort): raise obj; should a handler return, raise a
;; noncontinuable-exception whose reason is obj, and so on. Uncaught, gsi reports it
;; `*** ERROR IN abort -- This object was raised: obj`.
(define (abort obj)
  (##raise obj)
  (abort (##make-noncontinuable-exception obj)))

;; R7RS make-parameter: the converter applies to the initial value and to parameterize's values.
;; As in gsi, a converter given must be a procedure (#f is not "no converter").
(define (make-parameter value #!optional (converter #!default))
  (cond ((##eq? converter #!default)
         (##make-parameter value #f))
        ((procedure? converter)
         (##make-parameter (converter value) converter))
        (else
         (##raise-type-exception 2 'PROCEDURE make-parameter (##list value converter)))))
