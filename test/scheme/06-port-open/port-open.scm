; input-port-open? and output-port-open? (R7RS 6.13.1): #f once the port is closed. gsi 4.9.3
; answers #t even after close-port, for every kind of port; gsi-ts follows R7RS. Reading a closed
; string or u8vector port still gives what it holds, as in gsi.
(define i (open-input-u8vector '#u8(1 2)))
(define o (open-output-bytevector))
(define s (open-input-string "x"))
(write (list (input-port-open? i) (output-port-open? o) (input-port-open? s))) (newline)
; expect: (#t #t #t)
(close-port i)
(close-output-port o)
(close-input-port s)
(write (list (input-port-open? i) (output-port-open? o) (input-port-open? s))) (newline)
; expect: (#f #f #f)
(write (list (read-u8 i) (read-char s))) (newline)
; expect: (1 #\x)
(input-port-open? o)
; expect error: (Argument 1) INPUT PORT expected
