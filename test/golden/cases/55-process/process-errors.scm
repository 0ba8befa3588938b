; Wrong arguments to the process procedures, with the messages gsi gives.
(write (with-exception-catcher (lambda (e) (display-exception e) 1) (lambda () (open-process 5))))
(newline)
(write (with-exception-catcher (lambda (e) (display-exception e) 2) (lambda () (open-process (list path: "echo" arguments: 5)))))
(newline)
(write (with-exception-catcher (lambda (e) (display-exception e) 3) (lambda () (process-pid 5))))
(newline)
