;;; The teleportation demo of "Distributed Computing with Gambit" (Marc Feeley, 2011).
;;;
;;; Every node spawns a bouncing thread every 20 seconds. A thread bounces between the top and
;;; the bottom of the screen; each time it bounces it tries to teleport to another node: it
;;; captures its continuation, ships it with an rpc, resumes there in a new thread (on that
;;; node's screen), and the original thread halts. A thread dies after 100 steps.
;;;
;;; The talk's code is here as on the slides (the slides, verbatim, are in demos/slides/;
;;; test/unit/demo-slides.test.ts checks that every line of them is here, in order). What the
;;; slides elide is written out and marked "not on the slides". One slide typo is corrected:
;;; the discovery mask (see discover-local-DCS-servers). The text of the slides also ends the
;;; go, continuation and encode/decode code with one `)` too many, which gsi rejects ("Datum or
;;; EOF expected"); here the parentheses balance.
;;;
;;; Run one per host:    gsi-ts demos/teleport.scm
;;; On one machine:      gsi-ts --listen 127.0.0.2 demos/teleport.scm   (and .3, .4 ...)
;;; Environment:         GSI_TS_DEMO_SPEED=N   every sleep N times shorter (default 1)
;;;                      GSI_TS_DEMO_ROWS=N    screen rows (default 24)
;;;                      GSI_TS_DEMO_SPAWNS=N  spawn N threads, then only host visitors
;;;                      GSI_TS_TRACE=FILE     append one JSON line per event to FILE
;;;                      GSI_TS_COOKIE=SECRET  the cluster cookie (or --cookie, ~/.gsi-ts-cookie)

(include "../scheme-lib/talk-helpers.scm") ; spawn, without-exception, halt, make-throttle, pfor

;;; ---------------------------------------------------------------- not on the slides: settings

(define (env-number name default ok?)
  (let ((n (string->number (getenv name ""))))
    (if (and n (ok? n)) n default)))

(define demo-speed (env-number "GSI_TS_DEMO_SPEED" 1 (lambda (n) (and (real? n) (> n 0)))))
(define spawn-limit ; how many threads this node spawns (default: no limit)
  (env-number "GSI_TS_DEMO_SPAWNS" +inf.0 (lambda (n) (and (integer? n) (>= n 0)))))
(define rows (env-number "GSI_TS_DEMO_ROWS" 24 (lambda (n) (and (integer? n) (>= n 6)))))

;; Every sleep of the demo (steps, spawning, the discovery sweep) is scaled by the speed.
(define (sleep seconds)
  (thread-sleep! (/ seconds demo-speed)))

;; Threads bounce between rows top and bot; the last row is the status line.
(define top 1)
(define bot (- rows 2))

;;; ---------------------------------------------------------------- not on the slides: screen

(define esc (string (integer->char 27)))

(define (cursor-to row)
  (string-append esc "[" (number->string row) ";1H"))

;; (set-row row text): draw text (printed as `print` does: (list "mega" " " 99) shows
;; "mega 99") on a row of the terminal, erasing what was there. One display per call, so a
;; thread switch never splits the cursor move from the text.
(define (set-row row text)
  (display (string-append (cursor-to row) esc "[K"
                          (with-output-to-string (lambda () (print text)))
                          (cursor-to rows)))
  (force-output))

;;; ---------------------------------------------------------------- not on the slides: events

;; Each bouncing thread gets an id at birth ("127.0.0.2/7"), kept across its hops. The events
;; (spawn, hop-out, hop-in, death) are counted for `gsi-ts --monitor` (node-stat-add!), shown
;; on the status line, and with GSI_TS_TRACE appended to a file as JSON lines.

(define my-address "?")
(define births 0)
(define here 0)
(define hops-in 0)
(define hops-out 0)

(define trace-port
  (let ((file (getenv "GSI_TS_TRACE" "")))
    (and (not (string=? file ""))
         (open-output-file (list path: file append: #t)))))

(define (now-ms)
  (exact (floor (* 1000 (time->seconds (current-time))))))

(define (trace event id ttl)
  (if trace-port
      (begin
        (display (string-append
                  "{\"t\": " (number->string (now-ms))
                  ", \"node\": \"" my-address
                  "\", \"event\": \"" (symbol->string event)
                  "\", \"thread\": \"" id
                  "\", \"ttl\": " (number->string ttl) "}\n")
                 trace-port)
        (force-output trace-port))))

;; The last row: "127.0.0.2 here 3 born 5 in 12 out 14" (threads here now; born here, arrived,
;; left since the start). Short, so that it fits a narrow terminal.
(define (status-line)
  (set-row rows (list my-address " here " here " born " births
                      " in " hops-in " out " hops-out)))

(define (event! event id ttl balls)
  (set! here (+ here balls))
  (node-stat-add! 'balls balls)
  (node-stat-add! event 1)
  (trace event id ttl)
  (status-line))

(define (born)
  (set! births (+ births 1))
  (let ((id (string-append my-address "/" (number->string births))))
    (event! 'spawn id 100 1)
    id))

(define (died id)
  (event! 'death id 0 -1))

(define (arrived id ttl)
  (set! hops-in (+ hops-in 1))
  (event! 'hop-in id ttl 1))

;; Called by teleport once the destination has the thread: the id and ttl of the departing
;; thread were left in its thread-specific field by bounce.
(define (departed)
  (let ((ball (thread-specific (current-thread))))
    (if (pair? ball)
        (begin
          (set! hops-out (+ hops-out 1))
          (event! 'hop-out (car ball) (cdr ball) -1)))))

;; A node to teleport to: any node but this one, at random; #f when alone.
(define (random-other-node)
  (let loop ((ns (nodes)) (others '()))
    (cond ((pair? ns)
           (loop (cdr ns) (if (eq? (car ns) (current-node)) others (cons (car ns) others))))
          ((pair? others)
           (list-ref others (random-integer (length others))))
          (else #f))))

;;; ---------------------------------------------------------------- the slides

(define (go)
  ;; Single-node version (no teleportation)
  ;; (here with the bounce branch that teleports, and the events)
  (define (bounce period name)
    (define id (born)) ; not on the slides
    (let loop ((pos 2) (dir 1) (ttl 100))
      (if (> ttl 0)
          (begin

            (set-row pos (list name " " ttl))
            (sleep period)
            (set-row pos "")

            (if (and (> pos top) (< pos bot))

                ;; not on fence so just move
                (loop (+ pos dir) dir (- ttl 1))

                ;; must bounce
                (begin
                  ;; not on the slides: try to teleport to another node. teleport returns #t
                  ;; on the destination, where the thread goes on; #f if it failed (no other
                  ;; node, or the rpc failed: the thread goes on here). On success the original
                  ;; thread halts. The node is passed straight to teleport: a node is a thread,
                  ;; which cannot be serialized, so it must not be in a variable the captured
                  ;; continuation still holds.
                  (thread-specific-set! (current-thread) (cons id ttl))
                  (if (eq? (teleport (random-other-node)) #t)
                      (arrived id ttl))
                  (loop (- pos dir) (- dir) (- ttl 1)))))
          (died id)))) ; not on the slides
  ;; spawn a bouncing thread every 20 secs
  (let loop ()
    (spawn
      (bounce (+ .2 (* .2 (random-real)))
              (host-name)))
    (sleep 20)
    (if (< births spawn-limit) ; not on the slides: GSI_TS_DEMO_SPAWNS
        (loop))))

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

        (departed) ; not on the slides
        (halt))))))

;; Map current input/output ports to those of the
;; destination.

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

;; Search LAN concurrently for DCS servers.

(define (discover-local-DCS-servers ip found)
  (let* ((nm #xffffff00) ;; the slide says #xffffffff00, a typo: with it the sweep covers nothing
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

;;; ---------------------------------------------------------------- not on the slides: start

;; Start this node: listen on port 12345 (--listen, --port, --cookie, --discovery on the
;; command line choose otherwise) and sweep the /24 for the others every 5 (scaled) seconds
;; with discover-local-DCS-servers above.
(define (ip->string ip)
  (string-append (number->string (u8vector-ref ip 0)) "."
                 (number->string (u8vector-ref ip 1)) "."
                 (number->string (u8vector-ref ip 2)) "."
                 (number->string (u8vector-ref ip 3))))

(set! my-address (ip->string (node-start!)))
(display (string-append esc "[2J"))
(status-line)

(go)

;; not on the slides: with GSI_TS_DEMO_SPAWNS, go returns once this node has spawned that many
;; threads; the node stays up (threads of other nodes keep arriving) until it is stopped.
(let forever ()
  (sleep 3600)
  (forever))
