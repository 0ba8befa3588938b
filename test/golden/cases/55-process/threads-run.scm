; while one thread waits for a command, the others run: the main thread counts its 20 ms naps
; until the command (0.5 s) is done
(define done #f)
(define t (thread-start! (make-thread (lambda () (let ((r (shell-command "sleep 0.5; echo slept" #t))) (set! done #t) r)))))
(define naps (let loop ((n 0)) (if done n (begin (thread-sleep! .02) (loop (+ n 1))))))
(write (list (> naps 10) (thread-join! t)))
(newline)
