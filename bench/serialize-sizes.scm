;; Sizes of the talk's serialized objects, run by both gsi and gsi-ts (bench/serialize-speed.ts
;; shows them side by side): the pprinter closure encoded with the talk's encoder, and the
;; message a bouncing thread sends when it teleports (its continuation inside an rpc thunk).
;; Prints `NAME BYTES` lines.

(include "../scheme-lib/talk-helpers.scm")

(define-type ser-stdin id: FA2D330A-F35B-4B81-A5AD-D75B742D687D)
(define-type ser-stdout id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40)

(define (encode obj)
  (object->u8vector obj
    (lambda (x)
      (cond ((eq? x (current-input-port)) (make-ser-stdin))
            ((eq? x (current-output-port)) (make-ser-stdout))
            (else x)))))

(define (pprinter port) (lambda (x) (pp x port)))
(define p (pprinter (current-output-port)))
(display "pprinter ") (display (u8vector-length (encode p))) (newline)

;; The bounce of the talk, sending its continuation away once instead of over the network.
(define sent #f)
(define (send-away u8v) (set! sent u8v))

(define (teleport)
  (continuation-capture
    (lambda (k)
      (send-away (encode (lambda () (spawn (continuation-return k #t)) 'done)))
      (halt))))

(define (bounce period name)
  (let loop ((pos 2) (dir 1) (ttl 8))
    (if (> ttl 0)
        (begin
          (list name pos ttl)
          (sleep period)
          (if (= ttl 5) (teleport))
          (if (and (> pos 0) (< pos 20))
              (loop (+ pos dir) dir (- ttl 1))
              (loop (- pos dir) (- dir) (- ttl 1))))
        'dead)))

(define t (spawn (bounce .01 "node-a")))
(with-exception-catcher (lambda (e) #f) (lambda () (thread-join! t)))
(display "teleport ") (display (u8vector-length sent)) (newline)
