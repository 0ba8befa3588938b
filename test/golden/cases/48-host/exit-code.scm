; exit with a status flushes output first
(display "before exit")
(newline)
(display "no newline")
(exit 3)
(display "not reached")
