; argument checking of the time procedures
(define (p x) (write x) (newline))
(p (time->seconds (seconds->time 0)))
(p (with-exception-catcher (lambda (e) (type-exception? e)) (lambda () (seconds->time 'x))))
(time->seconds 5)
