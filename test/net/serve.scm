;; A cluster member for the multi-process tests (test/unit/net-cli.test.ts), run as
;;   gsi-ts --node --listen 127.0.0.N --port P --cookie C serve.scm
;; Its host name is "node-N" (every process of the test runs on one machine; rpc resolves
;; global variables at the destination, so (rpc n (host-name)) tells the nodes apart).
;; Whenever its view of the cluster changes it prints "nodes: 2 3 4": the last bytes of the
;; addresses of (nodes), sorted. It runs until it is killed.

(define me (node-address))

(define (host-name)
  (string-append "node-" (number->string (u8vector-ref me 3))))

(define (insert x l)
  (if (or (null? l) (< x (car l))) (cons x l) (cons (car l) (insert x (cdr l)))))

(define (view)
  (fold-right insert '() (map (lambda (n) (u8vector-ref (node-address n) 3)) (nodes))))

(let loop ((last #f))
  (let ((v (view)))
    (if (not (equal? v last))
        (begin
          (display "nodes:")
          (for-each (lambda (b) (display " ") (display b)) v)
          (newline)))
    (thread-sleep! .05)
    (loop v)))
