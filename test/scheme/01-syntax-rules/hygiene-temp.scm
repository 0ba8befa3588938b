; Hygiene: the macro's own binding of temp does not capture the user's temp (R7RS 4.3).
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((temp e)) (if temp temp (my-or r ...))))))
(define temp 5)
(write (my-or #f temp)) (newline)
; expect: 5
(write (let ((temp 7)) (my-or #f temp))) (newline)
; expect: 7

(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define other 2)
(swap! tmp other)
(write (list tmp other)) (newline)
; expect: (2 1)
(let ((tmp 'x) (y 'y))
  (swap! tmp y)
  (write (list tmp y)) (newline))
; expect: (y x)
