; R7RS's bytevector procedures are gsi's u8vector procedures themselves: eq? to them, printed
; with the u8vector names and named so in an error's call form. gsi-ts made separate
; primitives named bytevector-u8-ref etc.
(define (show x) (write x) (newline))
(show (eq? bytevector-u8-ref u8vector-ref))
(show (list bytevector? make-bytevector bytevector bytevector-length bytevector-u8-ref
            bytevector-u8-set! bytevector-copy bytevector-copy! bytevector-append))
(show (list utf8->string string->utf8 open-input-bytevector write-bytevector))
(show (bytevector-u8-ref (bytevector 1 2 3) 1))
(show (with-exception-catcher (lambda (e) (display-exception e (current-output-port)) 'caught)
                              (lambda () (bytevector-length 'x))))
(bytevector-u8-ref (bytevector 1 2) 5)
