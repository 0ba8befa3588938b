; the value after => must be a procedure
(display "start") (newline)
(cond (5 => 6))
