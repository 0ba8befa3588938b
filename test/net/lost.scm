;; A pending rpc to a node that dies fails at once, not after its timeout
;; (test/unit/net-cli.test.ts kills the process on 127.0.0.4 while this call is pending).

(define (node-at b)
  (or (table-ref ip2node (u8vector 127 0 0 b) #f)
      (begin (thread-sleep! .05) (node-at b))))

(define n (node-at 4))
(display "calling")
(newline)
(rpc n (thread-sleep! 30) 60)
