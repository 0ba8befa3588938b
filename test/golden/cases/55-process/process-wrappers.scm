; call-with-input-process, with-input-from-process, call-with-output-process,
; with-output-to-process; an error located at the caller's form.
(write (call-with-input-process (list path: "echo" arguments: '("hi")) read-line)) (newline)
(write (with-input-from-process (list path: "echo" arguments: '("there")) read-line)) (newline)
(call-with-output-process (list path: "cat" stdout-redirection: #f) (lambda (p) (display "via cat\n" p)))
(with-output-to-process (list path: "cat" stdout-redirection: #f) (lambda () (display "via cat 2\n")))
(newline)
(write (with-exception-catcher (lambda (e) (display-exception e) 1) (lambda () (call-with-input-process "/nonexistent" read-line)))) (newline)
(call-with-input-process "/nonexistent" read-line)
