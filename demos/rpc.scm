;; The talk's RPC examples ("RPC"), as a program. Start a node on each machine (or several on
;; one machine, on 127.0.0.x addresses), then run this on one of them:
;;
;;   gsi-ts --node --listen 127.0.0.2 -         (a node with a REPL; or: gsi-ts demos/rpc.scm)
;;   gsi-ts --node --listen 127.0.0.3 -
;;   gsi-ts --listen 127.0.0.4 demos/rpc.scm
;;
;; It starts its node, waits (up to 10 s) until it knows 3 nodes, itself included, and asks
;; each of them for its host name; then it shows how an error at the destination is raised
;; at the caller.

(define (wait-for-nodes n seconds)
  (if (and (< (length (nodes)) n) (> seconds 0))
      (begin (thread-sleep! .1) (wait-for-nodes n (- seconds .1)))))

(node-start!)
(wait-for-nodes 3 10)

(pp (nodes))

(pp (table->list ip2node))

(pp (map (lambda (n) (rpc n (host-name)))
         (nodes)))

;; The slide types (rpc #4 (host-name)) at the REPL, #4 being a node printed above; here,
;; the last node.
(define n (car (last-pair (nodes))))

(pp (rpc n (host-name)))

;; An rpc sends a closure and receives one, which returns the value or raises the exception
;; raised at the destination: at the REPL, (rpc #4 (/ 1 0)) shows
;;   *** ERROR IN (console)@19.1 -- Divide by zero
;;   (/ 1 0)
(with-exception-catcher
 (lambda (e)
   (display-exception e))
 (lambda ()
   (rpc n (/ 1 0))))

;; A closure runs where it is sent: this one asks how many nodes the destination knows.
(pp (rpc n (length (nodes))))

(exit)
