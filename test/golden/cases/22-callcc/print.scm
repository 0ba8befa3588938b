; how continuations print and what they are
(call/cc (lambda (k) (write (procedure? k)) (newline)))
(call/cc (lambda (k) (write k) (newline)))
