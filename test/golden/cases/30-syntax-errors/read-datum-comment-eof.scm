; read of "#;" (a datum comment, then the end): gsi raises a datum-parsing exception, "Datum
; expected" located at the end of the string; gsi-ts returned the end-of-file object.
(define (show x) (write x) (newline))
(show (read (open-input-string "#;1")))
(show (read (open-input-string "#;1 2")))
(show (with-exception-catcher
       (lambda (e) (display-exception e (current-output-port)) 'caught)
       (lambda () (read (open-input-string "#; ")))))
(show (with-exception-catcher (lambda (e) 'caught) (lambda () (read (open-input-string "(1 #;)")))))
(read (open-input-string "#;"))
