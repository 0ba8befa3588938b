; else must be the last clause
(display "never") (newline)
(cond (else 1) (#t 2))
