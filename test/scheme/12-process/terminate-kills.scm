; A thread terminated while it waits in shell-command kills the command (gsi-ts; not recorded
; from gsi): the shell writes its pid, then becomes `sleep 30`.
(define pidfile "terminate-kills.pid")
(define t (thread-start! (make-thread (lambda () (shell-command (string-append "echo $$ > " pidfile "; exec sleep 30"))))))
(let wait () (if (not (file-exists? pidfile)) (begin (thread-sleep! .05) (wait))))
(thread-sleep! .1)
(define pid (call-with-input-file pidfile read))
(delete-file pidfile)
(define (alive?) (= 0 (shell-command (string-append "kill -0 " (number->string pid) " 2>/dev/null"))))
(display (alive?))
(newline)
(thread-terminate! t)
(thread-sleep! .2)
(display (alive?))
(newline)
; expect: #t
; expect: #f
