; an uncaught raise of a string
(display "start") (newline)
(raise "a message")
