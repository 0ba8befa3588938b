; unquote outside of quasiquote
(display "start") (newline)
(write (unquote 1)) (newline)
