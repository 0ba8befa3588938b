; an ill-formed form in a loaded file: that file does not start, the loader stops
(display "main starts") (newline)
(load "lib/ill-formed.scm")
(display "main never ends") (newline)
