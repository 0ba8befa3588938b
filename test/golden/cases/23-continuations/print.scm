; a continuation object prints with a serial number
(continuation-capture (lambda (k) (write k) (newline)))
(continuation-capture (lambda (k) (write (procedure? k)) (newline)))
