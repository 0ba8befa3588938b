; An ill-formed define-type or define-structure: gsi reports it with no location and shows the
; whole form under the message (gsi-ts gave the location and no form), and one in a body made
; gsi-ts crash with a JavaScript exception. (define-record-type keeps its location, in gsi too.)
(define (show form)
  (with-exception-catcher
   (lambda (e) (display-exception e (current-output-port)) (write (expression-parsing-exception? e)) (newline))
   (lambda () (eval form))))
(show '(define-type p x x))
(show '(define-type))
(show '(define-structure))
(show '(define-type p (x bogus:)))
(show '(define-type a-rather-long-type-name field-number-one field-number-two (field-three bogus:)))
(show '(let () (define-type p unknown-option: 1 x) 1))
