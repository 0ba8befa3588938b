; os-exception objects: a system error's message is #f in gsi, its text comes from its code.
(define (info thunk)
  (with-exception-catcher
   (lambda (e) (list (os-exception? e) (os-exception-message e) (err-code->string (os-exception-code e))))
   thunk))
(write (info (lambda () (create-directory ".")))) (newline)
(define c (open-tcp-client "127.0.0.2:24161"))
(write (info (lambda () (read-char c)))) (newline)
