;; The talk's rpc examples, across processes (test/unit/net-cli.test.ts): run as
;;   gsi-ts --node --listen 127.0.0.5 --port P --cookie C ask.scm
;; while serve.scm runs on 127.0.0.2, .3 and .4. It waits for the four nodes, asks each its
;; host name, then makes a remote division by zero, which ends it with the talk's report.

(define (wait-for n)
  (if (< (length (nodes)) n)
      (begin (thread-sleep! .05) (wait-for n))))

(define (node-at b) (table-ref ip2node (u8vector 127 0 0 b)))

(wait-for 4)
(write (map (lambda (n) (rpc n (host-name))) (map node-at '(2 3 4))))
(newline)
(write (rpc (node-at 3) (* 6 7)))
(newline)
(write (with-exception-catcher
        (lambda (e) (list 'caught (divide-by-zero-exception? e)))
        (lambda () (rpc (node-at 4) (/ 1 0)))))
(newline)
(rpc (node-at 2) (/ 1 0))
