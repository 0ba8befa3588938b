; an ill-formed special form inside eval is only detected when eval runs
(display "start") (newline)
(eval '(if))
