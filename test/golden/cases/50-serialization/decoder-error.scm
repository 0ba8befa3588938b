;; An error in the decoder in tail position: located in the primitive, as gsi does.
(define (dec x) (if (symbol? x) (vector-ref x 0) x))
(define m (object->u8vector 'a))
(define (g) (u8vector->object m dec) 'after)
(g)
