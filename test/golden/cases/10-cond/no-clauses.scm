; cond with no clauses at all
(write (list (cond))) (newline)
