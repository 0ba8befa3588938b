;; An rpc whose answer takes longer than its timeout (test/unit/net-cli.test.ts): the
;; timeout raises at the caller, at the rpc form. serve.scm runs on 127.0.0.2.

(define (node-at b)
  (or (table-ref ip2node (u8vector 127 0 0 b) #f)
      (begin (thread-sleep! .05) (node-at b))))

(define n (node-at 2))
(write (rpc n 'quick .3))
(newline)
(rpc n (thread-sleep! 10) .3)
