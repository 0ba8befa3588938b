;; The talk's distributed computing system ("Distributed Computing with Gambit", Feeley 2011):
;; encode/decode, the rpc macro, node discovery by sweeping the local /24, node-start!.
;; Loaded into every Vm by net/prims.ts (installNet), after the primitives it builds on:
;; nodes, ip2node, DCS-connect, connection-node, ##dcs-call, ##rpc-raise, ##node-start!.

;;; Helpers the talk uses without showing them. scheme-lib/talk-helpers.scm may define them
;;; too; whichever is loaded first wins (these are defined only if still unbound).

(define sleep
  (if (##dcs-global-bound? 'sleep) sleep (lambda (secs) (thread-sleep! secs))))

;; (make-throttle n): a procedure (throttle thunk) that calls thunk with at most n calls in
;; progress at once (the others wait their turn).
(define make-throttle
  (if (##dcs-global-bound? 'make-throttle)
      make-throttle
      (lambda (n)
        (let ((m (make-mutex)) (cv (make-condition-variable)) (active 0))
          (define (release)
            (mutex-lock! m)
            (set! active (- active 1))
            (condition-variable-signal! cv)
            (mutex-unlock! m))
          (lambda (thunk)
            (mutex-lock! m)
            (let wait ()
              (if (>= active n)
                  (begin (mutex-unlock! m cv) (mutex-lock! m) (wait))))
            (set! active (+ active 1))
            (mutex-unlock! m)
            (let ((result (with-exception-catcher
                           (lambda (e) (release) (raise e))
                           thunk)))
              (release)
              result))))))

;; (pfor lo hi f): (f i) for each i in [lo, hi), each in its own thread; returns when all ended.
(define pfor
  (if (##dcs-global-bound? 'pfor)
      pfor
      (lambda (lo hi f)
        (let loop ((i lo) (threads '()))
          (if (< i hi)
              (loop (+ i 1) (cons (thread-start! (make-thread (lambda () (f i)))) threads))
              (for-each (lambda (t)
                          (with-exception-catcher (lambda (e) #f) (lambda () (thread-join! t))))
                        threads))))))

;;; IP addresses: u8vectors in network order <-> integers.

(define (ip->num ip)
  (+ (* 16777216 (u8vector-ref ip 0))
     (* 65536 (u8vector-ref ip 1))
     (* 256 (u8vector-ref ip 2))
     (u8vector-ref ip 3)))

(define (num->ip n)
  (u8vector (bitwise-and (arithmetic-shift n -24) 255)
            (bitwise-and (arithmetic-shift n -16) 255)
            (bitwise-and (arithmetic-shift n -8) 255)
            (bitwise-and n 255)))

;;; Object serialization, from the slides: map the current input/output ports to those of the
;;; destination. A program may redefine encode and decode; rpc uses the global ones.

(define-type ser-stdin
  id: FA2D330A-F35B-4B81-A5AD-D75B742D687D)

(define-type ser-stdout
  id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40)

(define (encode obj)
  (object->u8vector
   obj
   (lambda (x)
     (cond ((eq? x (current-input-port)) (make-ser-stdin))
           ((eq? x (current-output-port)) (make-ser-stdout))
           (else x)))))

(define (decode u8v)
  (u8vector->object
   u8v
   (lambda (x)
     (cond ((ser-stdin? x) (current-input-port))
           ((ser-stdout? x) (current-output-port))
           (else x)))))

;;; RPC: send a closure, receive a closure. (rpc NODE EXPR [TIMEOUT]) ships (lambda () EXPR)
;;; to NODE, where it runs in a new thread; the answer is a closure that returns the value or
;;; raises the exception raised there. The call is expanded in place so that an error (a
;;; timeout, a lost connection, the destination's exception) is located at the rpc form.

(define-syntax rpc
  (syntax-rules ()
    ((_ node expr)
     ((decode (##dcs-call node (encode (lambda () expr)) #f))))
    ((_ node expr timeout)
     ((decode (##dcs-call node (encode (lambda () expr)) timeout))))))

;; The answer closures. Made by procedures of their own so that they capture nothing else.
(define (##dcs-value-answer v) (lambda () v))
(define (##dcs-raise-answer e) (lambda () (##rpc-raise e)))

;; Run an incoming call (net/bridge.ts starts a root thread on this), answer with (reply u8).
;; If the answer cannot be encoded, reply with a text instead: the caller raises an rpc error.
(define (##dcs-serve request reply)
  (reply
   (with-exception-catcher
    (lambda (e)
      (call-with-output-string
       (lambda (port)
         (display "cannot send the answer: " port)
         (display-exception e port))))
    (lambda ()
      (encode
       (with-exception-catcher
        ##dcs-raise-answer
        (lambda () (##dcs-value-answer ((decode request))))))))))

;;; Node discovery, from the slides: search the LAN concurrently for DCS servers.

(define (discover-local-DCS-servers ip found)
  (let* ((nm #xffffff00) ;; the slide's #xffffffff00 is a transcription error: it scans nothing
         (throttle (make-throttle 100)))
    (pfor 1
          (- #xffffffff nm)
          (lambda (i)
            (throttle
              (lambda ()
                (check-for-DCS-server
                  (num->ip
                    (+ i (bitwise-and nm (ip->num ip))))
                  found)))))))

(define (check-for-DCS-server ip found)
  (let ((conn (DCS-connect ip)))
    (if conn
        (found conn))
    (sleep 0.5)))

;; What the periodic sweep does with a connection it found. The connection is already a node
;; (a node joins as soon as it is authenticated, from whichever side connected); a program may
;; redefine this to watch discovery.
(define (dcs-found conn)
  (connection-node conn))

(define ##dcs-sweeper #f)

(define (##dcs-sweep-forever period)
  (let loop ()
    (discover-local-DCS-servers (node-address) dcs-found)
    (sleep period)
    (loop)))

;; (node-start! address: "192.168.0.100" port: 12345 cookie: "secret" discovery: 'sweep)
;; Listen, join the local node itself, and start discovery ('sweep: the talk's /24 sweep every
;; `period` seconds; 'broadcast: UDP broadcast; 'none). Every argument is optional: by default
;; the command line's (--listen, --port, --cookie, --discovery, --max-message), else the
;; host's LAN address, port 12345, the cookie of GSI_TS_COOKIE or ~/.gsi-ts-cookie, 'sweep.
;; Returns this node's address.
(define (node-start! #!key (address #f) (port #f) (cookie #f) (discovery #f)
                     (max-message #f) (period 5))
  (let ((ip (##node-start! address port cookie discovery max-message period)))
    (if (eq? (##node-discovery) 'sweep)
        (set! ##dcs-sweeper
              (thread-start!
               (make-root-thread (lambda () (##dcs-sweep-forever period)) 'dcs-sweeper))))
    ip))

;; Leave: stop discovery, close every connection (pending rpcs fail), stop listening.
(define (node-stop!)
  (if ##dcs-sweeper
      (begin (thread-terminate! ##dcs-sweeper)
             (set! ##dcs-sweeper #f)))
  (##node-stop!))

;;; What a node tells the live view (gsi-ts --monitor, scheme-lib/monitor.scm), by rpc.

;; (node-stat-add! key n): add n to this node's counter key (a symbol; counters start at 0).
;; The teleport demo counts 'balls (+1 when a bouncing thread arrives, -1 when it leaves),
;; 'spawn, 'death, 'hop-in and 'hop-out.
(define (node-stat-add! key n)
  (##node-stat-add! key n))

;; (node-stats): an alist: host, address (a string, or #f before node-start!), threads (live
;; Scheme threads), heap (bytes of JS heap used, or #f), uptime (seconds), then every counter.
(define (node-stats)
  (let ((ip (node-address)))
    (append
     (list (cons 'host (host-name))
           (cons 'address
                 (and ip
                      (string-append (number->string (u8vector-ref ip 0)) "."
                                     (number->string (u8vector-ref ip 1)) "."
                                     (number->string (u8vector-ref ip 2)) "."
                                     (number->string (u8vector-ref ip 3)))))
           (cons 'threads (##thread-count))
           (cons 'heap (##heap-used))
           (cons 'uptime (##uptime)))
     (##node-counters))))
