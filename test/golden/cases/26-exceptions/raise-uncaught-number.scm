; an uncaught raise of a number
(raise 42)
