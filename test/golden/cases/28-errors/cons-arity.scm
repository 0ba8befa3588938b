; cons with one argument
(cons 1)
