; an error message right after output without a newline
(display "partial")
(car 1)
