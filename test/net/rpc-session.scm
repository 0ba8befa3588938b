;; The REPL node of the talk's rpc session (test/unit/repl-rpc.test.ts), loaded before `-`:
;;   gsi-ts --node --listen 127.0.0.100 --port P --cookie C --echo rpc-session.scm -
;; while serve.scm runs on 127.0.0.102 and 127.0.0.103 (the talk's addresses, on loopback).
;; It names its host "node-100" as serve.scm does (every process of the test runs on one
;; machine, so the real host names would all be equal), then waits until it sees the three
;; nodes, so that the REPL reads rpc-session.in only then. It prints nothing unless the nodes
;; do not all show up within 10 s.

(define me (node-address))

(define (host-name)
  (string-append "node-" (number->string (u8vector-ref me 3))))

(let wait ((tries 200))
  (cond ((>= (length (nodes)) 3))
        ((= tries 0)
         (display "rpc-session.scm: only ")
         (write (length (nodes)))
         (display " nodes after 10 s")
         (newline))
        (else
         (thread-sleep! .05)
         (wait (- tries 1)))))
