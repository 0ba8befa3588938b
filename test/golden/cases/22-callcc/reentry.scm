; re-entering a continuation several times
(define k #f)
(define count 0)
(define result (list 'start (call/cc (lambda (c) (set! k c) 0))))
(set! count (+ count 1))
(write (list count result)) (newline)
(if (< count 3) (k count))
(write 'done) (newline)
