; an anonymous lambda bound by let has no name
(define (outer)
  (let ((f (lambda (x) (list (vector-ref x 0)))))
    (f 1)))
(outer)
