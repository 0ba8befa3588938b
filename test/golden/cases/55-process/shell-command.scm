; shell-command: the wait status (exit code * 256), the command's output in order with ours,
; captured output (stdout and stderr together) with #t, a non-string refused
(define (p x) (write x) (newline))
(p (shell-command "echo hi"))
(p (shell-command "exit 3"))
(p (shell-command "echo captured; echo err >&2" #t))
(p (shell-command "printf abc" #t))
(display "order check")
(newline)
(p (shell-command "echo after"))
(shell-command 5)
