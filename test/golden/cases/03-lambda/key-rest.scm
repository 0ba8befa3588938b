; #!key together with #!rest
(define (f #!key (a 1) #!rest r) (list a r))
(write (f)) (newline)
(write (f a: 2)) (newline)
(define (g #!rest r #!key (a 1)) (list a r))
(write (g a: 5)) (newline)
