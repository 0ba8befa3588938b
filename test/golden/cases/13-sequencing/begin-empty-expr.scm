; an empty begin in expression position
(display "never") (newline)
(write (begin))
