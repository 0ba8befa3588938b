; a procedure body may refer to a global defined later in the file
(define (f) (g))
(define (g) 'g-result)
(write (f)) (newline)
(write (h)) (newline)
(define (h) 'too-late)
