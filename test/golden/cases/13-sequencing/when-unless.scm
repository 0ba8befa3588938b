; when and unless
(write (when #t 1 2 3)) (newline)
(write (when #f 1)) (newline)
(write (unless #f 'a 'b)) (newline)
(write (unless #t 'a)) (newline)
(when (> 2 1) (display "when ran") (newline))
(unless (> 2 1) (display "unless ran") (newline))
(write (list (when #f 'x))) (newline)
