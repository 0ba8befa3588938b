;;; The helpers the talk's slides use without showing them ("Distributed Computing with
;;; Gambit", Feeley 2011; see ../shared/GAMBIT-NOTES.md). Plain Gambit Scheme: this file runs
;;; unchanged in gsi 4.9.3 and in gsi-ts.
;;;
;;; spawn and without-exception are macros: use this file with (include "talk-helpers.scm")
;;; at the top of the file that uses them (gsi's macros do not leak out of a loaded file, and a
;;; file is compiled whole before it runs, so `load` would come too late).

;; (spawn E): start a new thread running E and return it. The thread starts with a fresh
;; dynamic environment whose current ports are the console's (make-root-thread), so a thread
;; spawned from inside a with-output-to-string still prints on the screen.
(define-macro (spawn expr)
  `(thread-start! (make-root-thread (lambda () ,expr))))

;; (without-exception E): the value of E, or #f if E raised an exception.
(define-macro (without-exception expr)
  `(with-exception-catcher (lambda (exc) #f) (lambda () ,expr)))

;; (halt): end the current thread. Not an exception: without-exception does not stop it.
(define (halt)
  (thread-terminate! (current-thread)))

;; (sleep seconds): a real number of seconds.
(define (sleep seconds)
  (thread-sleep! seconds))

;; (make-throttle n) returns a procedure (throttle thunk) that calls thunk in the calling thread
;; once fewer than n calls of the same throttle are running, and returns thunk's value. Callers
;; beyond n wait their turn (a mutex and a condition variable). A call that escapes (an
;; exception) frees its place; a thread terminated inside thunk keeps it.
(define (make-throttle n)
  (let ((mutex (make-mutex 'throttle))
        (freed (make-condition-variable 'throttle))
        (running 0))
    (lambda (thunk)
      (mutex-lock! mutex)
      (let wait ()
        (if (>= running n)
            (begin
              (mutex-unlock! mutex freed)
              (mutex-lock! mutex)
              (wait))))
      (set! running (+ running 1))
      (mutex-unlock! mutex)
      (dynamic-wind
       (lambda () #f)
       thunk
       (lambda ()
         (mutex-lock! mutex)
         (set! running (- running 1))
         (condition-variable-signal! freed)
         (mutex-unlock! mutex))))))

;; (pfor lo hi f): call (f i) for every integer lo <= i < hi, each in a thread of its own, all
;; at once; return when all have ended. (The talk scans host numbers 1..254 of a /24 with
;; (pfor 1 (- #xffffffff nm) ...), nm = #xffffff00.) If some calls raised an exception, the
;; first one's (in the order of i) is raised again once all have ended; a call that ended its
;; thread with (halt) is not a failure.
(define (pfor lo hi f)
  (let loop ((i lo) (threads '()))
    (if (< i hi)
        (loop (+ i 1)
              (cons (thread-start! (make-thread (lambda () (f i)))) threads))
        (let join ((ts (reverse threads)) (failure #f))
          (if (pair? ts)
              (join (cdr ts)
                    (with-exception-catcher
                     (lambda (exc)
                       (cond (failure failure)
                             ((uncaught-exception? exc) (list (uncaught-exception-reason exc)))
                             (else #f))) ; terminated (halt) is not a failure
                     (lambda () (thread-join! (car ts)) failure)))
              (if failure (raise (car failure))))))))
