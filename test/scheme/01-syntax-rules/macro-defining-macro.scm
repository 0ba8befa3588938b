; a macro that defines procedures and other macros
(define-syntax define-constant
  (syntax-rules ()
    ((_ name value) (define-syntax name (syntax-rules () ((_) value))))))
(define-constant the-answer 42)
(write (the-answer)) (newline)
; expect: 42

(define-syntax define-struct-ish
  (syntax-rules ()
    ((_ make pred (field accessor) ...)
     (begin
       (define (make field ...) (vector 'struct field ...))
       (define (pred x) (and (vector? x) (> (vector-length x) 0) (eq? (vector-ref x 0) 'struct)))
       (define-accessors 1 (accessor ...))))))
(define-syntax define-accessors
  (syntax-rules ()
    ((_ i ()) (begin))
    ((_ i (acc rest ...))
     (begin (define (acc x) (vector-ref x i))
            (define-accessors (+ i 1) (rest ...))))))
(define-struct-ish make-point point? (x point-x) (y point-y))
(define p (make-point 3 4))
(write (list (point? p) (point-x p) (point-y p) (point? 5))) (newline)
; expect: (#t 3 4 #f)
