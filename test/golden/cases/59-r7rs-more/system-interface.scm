; R7RS procedures gsi 4.9.3 has and gsi-ts lacked: get-environment-variable(s) and
; call-with-port; and call-with-current-continuation, which in gsi is call/cc itself.
(define (p x) (write x) (newline))
(p (string? (get-environment-variable "PATH")))
(p (get-environment-variable "GSI_TS_SURELY_UNSET_VARIABLE"))
(define env (get-environment-variables))
(p (and (pair? env) (pair? (car env)) (string? (caar env)) (string? (cdar env))))
(p (equal? (cdr (assoc "PATH" env)) (get-environment-variable "PATH")))
(p (call-with-port (open-input-string "abc") read-char))
(p (call-with-port (open-input-string "(1 2)") read))
(p (let ((port (open-output-string)))
     (call-with-port port (lambda (o) (write 'done o) 'result))))
(p call-with-current-continuation)
(p (eq? call-with-current-continuation call/cc))
(p (+ 1 (call-with-current-continuation (lambda (k) (k 41)))))
(p (with-exception-catcher
    (lambda (e) (display-exception e (current-output-port)) 'caught)
    (lambda () (call-with-current-continuation 5))))
(p (with-exception-catcher
    (lambda (e) (display-exception e (current-output-port)) 'caught)
    (lambda () (call-with-port (open-input-string "") 5))))
(p (with-exception-catcher
    (lambda (e) (display-exception e (current-output-port)) 'caught)
    (lambda () (get-environment-variable 'PATH))))
(call-with-port 5 read-char)
