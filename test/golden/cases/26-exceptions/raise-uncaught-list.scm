; an uncaught raise of a list and of a number
(display "start") (newline)
(raise (list 1 "two" 'three))
