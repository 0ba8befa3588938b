; loading a file that does not exist
(display "main starts") (newline)
(load "lib/no-such-file.scm")
