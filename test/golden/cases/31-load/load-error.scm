; a run-time error inside a loaded file reports the loaded file's location and stops everything
(display "main starts") (newline)
(load "lib/bad.scm")
(display "main never ends") (newline)
