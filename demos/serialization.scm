;; The talk's serialization example ("Object Serialization"), as a program: a closure that
;; holds the current output port cannot be serialized as is; with the talk's encode/decode,
;; which map the current ports to the destination's, it can, and the copy prints on the port
;; current where it is decoded.
;;
;; Run: gsi-ts demos/serialization.scm

(define (pprinter port)
  (lambda (x) (pp x port)))

(define p
  (pprinter (current-output-port)))

(p '(a b c))

;; The slide shows: *** ERROR IN ##object->u8vector -- can't serialize #<mutex #2 #f>
;; (Gambit's console port holds a mutex). gsi-ts names the port and the path to it.
(with-exception-catcher
 (lambda (e)
   (display-exception e))
 (lambda ()
   (object->u8vector p)))

;; Map current input/output ports to those of the
;; destination.

(define-type ser-stdin
  id: FA2D330A-F35B-4B81-A5AD-D75B742D687D)

(define-type ser-stdout
  id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40)

(define (encode obj)
  (object->u8vector
   obj
   (lambda (x)
     (cond ((eq? x (current-input-port)) (make-ser-stdin))
           ((eq? x (current-output-port)) (make-ser-stdout))
           (else x)))))

(define (decode u8v)
  (u8vector->object
   u8v
   (lambda (x)
     (cond ((ser-stdin? x) (current-input-port))
           ((ser-stdout? x) (current-output-port))
           (else x)))))

(define v (encode p))

(define q (decode v))

(q '(a b c))

;; The slide shows 4359 bytes (Gambit's interpreter ships its macro environment with a
;; closure); gsi-ts ships only what the closure's code reaches.
(display "encoded size in bytes: ")
(display (u8vector-length v))
(newline)

;; Decoded where another port is current, the copy prints there.
(write (with-output-to-string
        (lambda ()
          ((decode v) '(d e f)))))
(newline)
