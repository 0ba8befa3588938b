;; The talk's teleport, verbatim, across processes (test/unit/net-cli.test.ts): a thread counts
;; to 4 and, at 2, moves to the node on 127.0.0.2 (serve.scm), where it prints the rest with
;; that node's host name; the original thread halts. rpc ships the continuation.

(include "../../scheme-lib/talk-helpers.scm")

(define (teleport destination)

  ;; get the thread's continuation

  (continuation-capture
   (lambda (k)
     (without-exception ;; guard against rpc failure
      (begin

        ;; try to resume continuation in a new thread
        ;; at the destination in no more than 5 seconds

        (rpc destination
         (begin
          (spawn (continuation-return k #t))
          'done)
          5)

        ;; if teleportation went OK, kill
        ;; the original thread

        (halt))))))

(define (node-at b)
  (or (table-ref ip2node (u8vector 127 0 0 b) #f)
      (begin (thread-sleep! .05) (node-at b))))

(define (count-and-move)
  (let loop ((i 0))
    (display (list 'step i 'on (host-name)))
    (newline)
    (if (= i 2) (teleport (node-at 2)))
    (if (< i 4) (loop (+ i 1)))))

(define t (spawn (count-and-move)))
(write (with-exception-catcher
        terminated-thread-exception?
        (lambda () (thread-join! t))))
(newline)
