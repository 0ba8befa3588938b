; adding a symbol
(display "start") (newline)
(+ 1 (quote a))
