; load returns the absolute path of the file it loaded; the .scm extension may be omitted
(define (ends-with? s suffix)
  (let ((n (string-length s)) (m (string-length suffix)))
    (and (>= n m) (string=? (substring s (- n m) n) suffix))))
(define r (load "lib/value.scm"))
(write (list (string? r) (ends-with? r "/31-load/lib/value.scm") (char=? (string-ref r 0) #\/))) (newline)
(write loaded-value) (newline)
(write (ends-with? (load "lib/value") "/lib/value.scm")) (newline)
