; reference to an unbound global
(display "start") (newline)
(write undefined-thing)
