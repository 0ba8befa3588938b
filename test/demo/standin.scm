;; A stand-in for demos/teleport.scm, for the tests of `gsi-ts --demo` and `--monitor`: a node
;; that draws on its screen as the demo does (ESC[r;1H, erase line, text; a status line on the
;; last row) and moves the counters the monitor shows ('balls, 'hop-in, 'hop-out). With
;; GSI_TS_STANDIN_TICKS=N it stops writing after N ticks (a node that never writes again cannot
;; notice by a broken pipe that the demo is gone).

(node-start!)

(define esc (string (integer->char 27)))
(define rows (string->number (getenv "GSI_TS_DEMO_ROWS" "10")))

(define (set-row pos . items)
  (display esc) (display "[") (display pos) (display ";1H")
  (display esc) (display "[K")
  (for-each display items))

(define me
  (let ((ip (node-address)))
    (string-append "node-" (number->string (u8vector-ref ip 3)))))

(define ticks (string->number (getenv "GSI_TS_STANDIN_TICKS" "-1"))) ; then silent, if >= 0

(display esc) (display "[2J")
(node-stat-add! 'balls 2)
(let loop ((i 0))
  (if (= i ticks) (let silent () (thread-sleep! 1) (silent)))
  (set-row 1 "standin " me " tick " i)
  (set-row (- rows 1) "nodes: " (length (nodes)))
  (node-stat-add! 'hop-in 1)
  (node-stat-add! 'hop-out 1)
  (force-output)
  (thread-sleep! .2)
  (loop (+ i 1)))
