; an uncaught raise of a symbol
(display "start") (newline)
(raise 'foo)
(display "not reached") (newline)
