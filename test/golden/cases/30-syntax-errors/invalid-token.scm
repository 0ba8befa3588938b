; an unknown # syntax
(display "never") (newline)
(display #q)
