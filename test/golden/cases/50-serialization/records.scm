;; A type with id: keeps its identity through serialization; a type without id: is
;; generative: a record that comes back is of a new type.
(define-type point id: 7A1F0C2E-0000-4000-8000-000000000001 x y)
(define-type gpoint x y)
(define (rt x) (u8vector->object (object->u8vector x)))
(define p (rt (make-point 1 (make-point 2 3))))
(write (list p (point? p) (point-x p) (point-y (point-y p))))
(newline)
(define q (make-gpoint 1 2))
(define qs (rt (list q q)))
(write (list (gpoint? q) (gpoint? (car qs)) (eq? (car qs) (cadr qs))))
(newline)
(write (car qs))
(newline)
