; unbound variable inside eval'ed code
(display "start") (newline)
(eval '(list undefined-in-eval))
