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
           (else x))))))

(define (decode u8v)
  (u8vector->object
   u8v
   (lambda (x)
     (cond ((ser-stdin? x) (current-input-port))
           ((ser-stdout? x) (current-output-port))
           (else x))))))
