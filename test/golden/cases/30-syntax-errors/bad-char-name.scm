; an unknown character name
(display "never") (newline)
(write #\nosuchchar)
