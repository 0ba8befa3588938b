; close-port sends what is pending first (the peer reads it), and raises the connection's
; failure when there is something to send.
(define s (open-tcp-server (list local-address: "127.0.0.2" port-number: 24111)))
(define t (thread-start! (make-thread (lambda () (let ((c (read s))) (read-line c))))))
(define c (open-tcp-client "127.0.0.2:24111"))
(display "sent at close\n" c)
(close-port c)
(write (thread-join! t)) (newline)
(define c2 (open-tcp-client "127.0.0.2:24112"))
(display "x" c2)
(close-port c2)
(display "closed fine") (newline)
