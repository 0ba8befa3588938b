; Nothing listens: as in gsi, the port is made at once and the failure comes with the first
; read (once; then end of file) or the first force-output.
(define c (open-tcp-client (list server-address: "127.0.0.2" port-number: 24102)))
(write c) (newline)
(write (with-exception-catcher (lambda (e) (display-exception e) (list 'caught (os-exception? e))) (lambda () (read-char c)))) (newline)
(write (read-u8 c)) (newline)
(define c2 (open-tcp-client "127.0.0.2:24102"))
(display "x" c2)
(force-output c2)
