;; The collector of the live view (gsi-ts --monitor, cli/monitor/run.ts). The monitor is an
;; observer node: the full nodes serve its rpcs but do not list it. Every `period` seconds it
;; asks each full node for its (node-stats), all at once, each call bounded by `timeout`
;; seconds, and hands the answers to the host with (##monitor-sample! rows), one row per node:
;;
;;   (address stats latency-ms)   address: "127.0.0.2"; stats: node-stats' alist, or #f if
;;                                the call failed (timeout, lost connection); latency-ms: the
;;                                round trip of the rpc, or #f
;;
;; A node that left (nodes) is absent from the rows: the host keeps showing it, as down.

(define (monitor-address node)
  (let ((ip (node-address node)))
    (if ip
        (string-append (number->string (u8vector-ref ip 0)) "."
                       (number->string (u8vector-ref ip 1)) "."
                       (number->string (u8vector-ref ip 2)) "."
                       (number->string (u8vector-ref ip 3)))
        "?")))

(define (monitor-ask node timeout)
  (let ((address (monitor-address node))
        (t0 (real-time)))
    (with-exception-catcher
     (lambda (e) (list address #f #f))
     (lambda ()
       (let ((stats (rpc node (node-stats) timeout)))
         (list address stats (* 1000. (- (real-time) t0))))))))

;; The full nodes: every node but this one.
(define (monitor-targets)
  (let ((me (current-node)))
    (let loop ((ns (nodes)) (acc '()))
      (cond ((null? ns) (reverse acc))
            ((eq? (car ns) me) (loop (cdr ns) acc))
            (else (loop (cdr ns) (cons (car ns) acc)))))))

(define (monitor-round timeout)
  (map thread-join!
       (map (lambda (node)
              (thread-start! (make-thread (lambda () (monitor-ask node timeout)))))
            (monitor-targets))))

(define (monitor-loop period timeout)
  (let loop ()
    (let ((t0 (real-time)))
      (##monitor-sample! (monitor-round timeout))
      (thread-sleep! (max .05 (- period (- (real-time) t0))))
      (loop))))
