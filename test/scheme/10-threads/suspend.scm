; thread-suspend! and thread-resume! (and the thread-group versions). Deliberate difference:
; gsi 4.9.3 leaves them unimplemented (they return void and do nothing: see
; test/golden/cases/40-threads/suspend.scm); gsi-ts suspends, as the Gambit manual describes.
; A suspended thread keeps its state: a waiting one still waits, and its timer, message or
; mutex still ends the wait; it just does not run until resumed. thread-group-terminate!
; terminates the group's threads (also a no-op in gsi 4.9.3).
(define log '())
(define (note x) (set! log (cons x log)))
(define (show . xs) (for-each write xs) (newline))

; A runnable thread suspended before it runs does not run; resumed, it does.
(define a (make-thread (lambda () (note 'a) 'a-done)))
(thread-start! a)
(thread-suspend! a)
(thread-yield!)
(thread-sleep! .02)
(show (reverse log) (thread-join! a .01 'timeout))
; expect: ()timeout
(thread-resume! a)
(show (thread-join! a) (reverse log))
; expect: a-done(a)

; A sleeper suspended past its deadline wakes only when resumed.
(set! log '())
(define s (make-thread (lambda () (thread-sleep! .02) (note 's) 's-done)))
(thread-start! s)
(thread-yield!)
(thread-suspend! s)
(thread-sleep! .1)
(show (reverse log))
; expect: ()
(thread-resume! s)
(show (thread-join! s) (reverse log))
; expect: s-done(s)

; A message still reaches a suspended receiver; it reads it once resumed.
(define r (make-thread (lambda () (list 'got (thread-receive)))))
(thread-start! r)
(thread-yield!)
(thread-suspend! r)
(thread-send r 'hello)
(show (thread-join! r .02 'still-suspended))
; expect: still-suspended
(thread-resume! r)
(show (thread-join! r))
; expect: (got hello)

; A thread may suspend itself; suspending twice needs one resume.
(define self (make-thread (lambda () (note 'before) (thread-suspend! (current-thread)) (note 'after) 'self-done)))
(set! log '())
(thread-start! self)
(thread-sleep! .02)
(thread-suspend! self)
(thread-suspend! self)
(show (reverse log))
; expect: (before)
(thread-resume! self)
(show (thread-join! self) (reverse log))
; expect: self-done(before after)

; A thread suspended before it is started is held once started.
(define early (make-thread (lambda () 'early-done)))
(thread-suspend! early)
(thread-start! early)
(show (thread-join! early .02 'held))
; expect: held
(thread-resume! early)
(show (thread-join! early))
; expect: early-done

; Groups: suspend, resume and terminate reach the threads of the groups inside too.
(define g (make-thread-group 'g))
(define g2 (make-thread-group 'g2 g))
(define counts (vector 0 0))
(define (counter i) (lambda () (let loop () (vector-set! counts i (+ 1 (vector-ref counts i))) (thread-sleep! .005) (loop))))
(define c0 (thread-start! (make-thread (counter 0) 'c0 g)))
(define c1 (thread-start! (make-thread (counter 1) 'c1 g2)))
(thread-sleep! .03)
(thread-group-suspend! g)
(thread-sleep! .01)
(define frozen (vector-copy counts))
(thread-sleep! .05)
(show (equal? frozen counts))
; expect: #t
(thread-group-resume! g)
(thread-sleep! .05)
(show (> (vector-ref counts 0) (vector-ref frozen 0)) (> (vector-ref counts 1) (vector-ref frozen 1)))
; expect: #t#t
(thread-group-terminate! g)
(show (thread-group->thread-list g) (thread-group->thread-list g2))
; expect: ()()
(show (with-exception-catcher terminated-thread-exception? (lambda () (thread-join! c1))))
; expect: #t

; Nothing can resume a suspended thread the primordial thread joins: a deadlock.
(define stuck (make-thread (lambda () 'never)))
(thread-suspend! stuck)
(thread-start! stuck)
(show (with-exception-catcher deadlock-exception? (lambda () (thread-join! stuck))))
; expect: #t
; expect error: Deadlock detected
(thread-join! stuck)
