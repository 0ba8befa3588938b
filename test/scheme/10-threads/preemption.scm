; Preemption: threads that never block nor yield still share the processor, and sleepers wake
; on time beside them (gsi-ts goal: within 50 ms of their deadline).
(define stop #f)
(define (spin) (let loop ((i 0)) (if stop i (loop (+ i 1)))))
(define spinners (list (thread-start! (make-thread spin)) (thread-start! (make-thread spin))))
(define worst 0)
(define (sleeper secs)
  (thread-start!
   (make-thread
    (lambda ()
      (let ((deadline (+ (real-time) secs)))
        (thread-sleep! secs)
        (set! worst (max worst (- (real-time) deadline))))))))
(for-each thread-join! (map (lambda (i) (sleeper (* i 0.01))) '(1 2 3 4 5 6 7 8 9 10)))
(set! stop #t)
(display (if (< worst 0.05) "sleepers on time" (list "late by" worst))) (newline)
; expect: sleepers on time
(display (map (lambda (t) (> (thread-join! t) 0)) spinners)) (newline)
; expect: (#t #t)
; the primordial thread itself is preempted: a spinner started now gets to run during its loop
(define flag #f)
(define setter (thread-start! (make-thread (lambda () (set! flag #t)))))
(let loop () (if (not flag) (loop)))
(display "primordial saw the flag") (newline)
; expect: primordial saw the flag
