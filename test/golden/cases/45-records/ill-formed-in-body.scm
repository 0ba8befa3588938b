; An ill-formed define-type in a procedure's body made gsi-ts crash with a JavaScript exception;
; gsi reports it, before running the file, with no location and the form under the message.
(display "never shown: the file is compiled before it runs")
(define (f) (define-type p x x) 1)
(f)
