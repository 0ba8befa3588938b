; call/cc with a procedure of the wrong arity
(display "start") (newline)
(call/cc (lambda () 1))
