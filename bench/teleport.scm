;; Teleport latency (bench/teleport-bench.ts runs it): two nodes, 127.0.0.2 ("lead") and
;; 127.0.0.3 ("serve"); on the lead, one thread teleports to the other node and back, HOPS
;; times in all, with the talk's teleport (demos/teleport.scm), timed at the source from the
;; capture of the continuation to the halt of the original thread (once the destination has
;; resumed it in a new thread). The lead also times plain rpc round trips, the baseline.
;; Prints one JSON line on the lead (times in microseconds).

(include "../scheme-lib/talk-helpers.scm")

(define role (getenv "BENCH_ROLE" "serve"))
(define hops (string->number (getenv "BENCH_HOPS" "1000")))

;; Source-side durations (ms) of the teleports that left this node.
(define durations '())

(define (teleport destination)
  (continuation-capture
   (lambda (k)
     (without-exception
      (begin
        (rpc destination
         (begin
          (spawn (continuation-return k #t))
          'done)
          5)
        (set! durations
              (cons (* 1000 (- (real-time) (thread-specific (current-thread)))) durations))
        (halt))))))

(define (other-node)
  (let loop ((ns (nodes)))
    (cond ((null? ns) #f)
          ((eq? (car ns) (current-node)) (loop (cdr ns)))
          (else (car ns)))))

(define finished #f)

(define (traveller n)
  (let loop ((i 0))
    (if (< i n)
        (begin
          (thread-specific-set! (current-thread) (real-time))
          (if (eq? (teleport (other-node)) #t)
              (loop (+ i 1))
              (error "teleport failed at hop" i)))
        (set! finished (real-time)))))

(define (sorted xs) ; gsi 4.9.3 has no sort
  (if (or (null? xs) (null? (cdr xs)))
      xs
      (let ((p (car xs)))
        (let split ((l (cdr xs)) (lo '()) (hi '()))
          (cond ((null? l) (append (sorted lo) (list p) (sorted hi)))
                ((< (car l) p) (split (cdr l) (cons (car l) lo) hi))
                (else (split (cdr l) lo (cons (car l) hi))))))))

(define (median xs)
  (list-ref (sorted xs) (quotient (length xs) 2)))

(define (rpc-times n)
  (let loop ((i 0) (acc '()))
    (if (< i n)
        (let ((t0 (real-time)))
          (rpc (other-node) 'ok)
          (loop (+ i 1) (cons (* 1000 (- (real-time) t0)) acc)))
        acc)))

(define (write-json alist)
  (display "{")
  (let loop ((l alist) (sep ""))
    (if (pair? l)
        (begin
          (display sep) (write (caar l)) (display ": ") (display (exact (round (cdar l))))
          (loop (cdr l) ", "))))
  (display "}")
  (newline))

(define (wait-for pred)
  (if (not (pred)) (begin (thread-sleep! .01) (wait-for pred))))

(node-start!)
(wait-for (lambda () (other-node)))

(if (string=? role "lead")
    (begin
      (rpc-times 2000) ; warm up
      (spawn (traveller 200)) ; warm up (a thread: the primordial thread must stay home)
      (wait-for (lambda () finished))
      (set! durations '())
      (set! finished #f)
      (rpc (other-node) (set! durations '()))
      (let* ((rpcs (rpc-times hops))
             (t0 (real-time))
             (t (spawn (traveller hops))))
        (wait-for (lambda () finished))
        (let* ((total (* 1000 (- finished t0)))
               (remote (rpc (other-node) durations))
               (all (append durations remote)))
          (write-json (list (cons "hops" hops)
                            (cons "teleports-timed" (length all))
                            (cons "teleport-median-us" (* 1000 (median all)))
                            (cons "hop-mean-us" (* 1000 (/ total hops)))
                            (cons "rpc-median-us" (* 1000 (median rpcs)))))
          (exit))))
    (thread-sleep! +inf.0))
