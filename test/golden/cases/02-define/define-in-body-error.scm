; referencing an internal define before its initialisation
(define (f)
  (define a b)
  (define b 2)
  a)
(display "before") (newline)
(write (f)) (newline)
