; a promise prints with a serial number
(define p (delay 1))
(write p) (newline)
(force p)
(write p) (newline)
