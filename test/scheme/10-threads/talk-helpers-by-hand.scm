; The talk's helpers as a user writes them, with syntax-rules (which gsi 4.9.3's Debian build
; breaks, so this is not recorded from gsi): a spawn macro, a throttle allowing at most N
; callers at once (a mutex and a condition variable), and a pfor that runs every iteration in
; its own thread, used as the talk's node discovery uses them: 254 host numbers, 100 at a time.
(define-syntax spawn
  (syntax-rules ()
    ((_ expr) (thread-start! (make-root-thread (lambda () expr))))))

(define (make-throttle n)
  (let ((m (make-mutex)) (cv (make-condition-variable)) (active 0))
    (lambda (thunk)
      (mutex-lock! m)
      (let loop ()
        (if (>= active n)
            (begin (mutex-unlock! m cv) (mutex-lock! m) (loop))))
      (set! active (+ active 1))
      (mutex-unlock! m)
      (let ((result (thunk)))
        (mutex-lock! m)
        (set! active (- active 1))
        (condition-variable-signal! cv)
        (mutex-unlock! m)
        result))))

(define (pfor lo hi f)
  (let loop ((i lo) (ts '()))
    (if (< i hi)
        (loop (+ i 1) (cons (spawn (f i)) ts))
        (for-each thread-join! ts))))

(define running 0)
(define peak 0)
(define seen (make-vector 256 #f))
(define throttle (make-throttle 100))
(define (check-host i)
  (throttle
   (lambda ()
     (set! running (+ running 1))
     (set! peak (max peak running))
     (thread-sleep! 0.01)
     (vector-set! seen i #t)
     (set! running (- running 1)))))

(define nm #xffffff00)
(pfor 1 (- #xffffffff nm) check-host)
(display (list 'peak peak 'running running)) (newline)
; expect: (peak 100 running 0)
(display (let count ((i 0) (n 0)) (if (= i 256) n (count (+ i 1) (if (vector-ref seen i) (+ n 1) n))))) (newline)
; expect: 254
(display (list (vector-ref seen 0) (vector-ref seen 1) (vector-ref seen 254) (vector-ref seen 255))) (newline)
; expect: (#f #t #t #f)
(display (thread-join! (spawn (* 6 7)))) (newline)
; expect: 42
