;; Core procedures best written in Scheme (loaded at start-up into every Vm).

;; gsi's call-with-current-continuation is the procedure call/cc (it prints, and errors show, that name).
(define call-with-current-continuation call/cc)

;; Likewise R7RS's bytevector procedures are gsi's u8vector procedures, under their names.
(define bytevector? u8vector?)
(define make-bytevector make-u8vector)
(define bytevector u8vector)
(define bytevector-length u8vector-length)
(define bytevector-u8-ref u8vector-ref)
(define bytevector-u8-set! u8vector-set!)
(define bytevector-copy u8vector-copy)
(define bytevector-copy! u8vector-copy!)
(define bytevector-append u8vector-append)

;; Gambit's abort (gsi 4.9.3's macro-abort): raise obj; should a handler return, raise a
;; noncontinuable-exception whose reason is obj, and so on. Uncaught, gsi reports it
;; `*** ERROR IN abort -- This object was raised: obj`.
(define (abort obj)
  (##raise obj)
  (abort (##make-noncontinuable-exception obj)))

;; The converter applies to the initial value in a procedure named ##make-parameter (the local
;; name): gsi locates an error in it there, `*** ERROR IN ##make-parameter`.
(define ##make-converted-parameter
  (let ((new ##make-parameter))
    (define (##make-parameter value converter)
      (new (converter value) converter))
    ##make-parameter))

;; R7RS make-parameter: the converter applies to the initial value and to parameterize's values.
;; As in gsi, a converter given must be a procedure (#f is not "no converter").
(define (make-parameter value #!optional (converter #!default))
  (cond ((##eq? converter #!default)
         (##make-parameter value #f))
        ((procedure? converter)
         (##make-converted-parameter value converter))
        (else
         (##raise-type-exception 2 'PROCEDURE make-parameter (##list value converter)))))

;; (p v) on a parameter with a converter: the machine calls this, so the converter runs as Scheme
;; code, the same way parameterize runs it; if it raises, the parameter keeps its value (gsi).
;; It is named ##make-parameter inside: gsi's parameter objects are closures made there, so gsi
;; locates an error raised by a converter that (p v) called "IN ##make-parameter".
(define ##param-set!
  (let ()
    (define (##make-parameter p v)
      (##param-store! p (##param-convert p v)))
    ##make-parameter))
