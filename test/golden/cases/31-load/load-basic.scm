; load runs another file in the global environment
(display "main starts") (newline)
(load "lib/defs.scm")
(write (helper 3)) (newline)
(display "main ends") (newline)
