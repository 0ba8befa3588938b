; an empty combination ()
(display "never") (newline)
(write ())
