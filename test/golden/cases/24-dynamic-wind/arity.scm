; dynamic-wind with a thunk of the wrong arity
(display "start") (newline)
(dynamic-wind (lambda () 1) (lambda (x) x) (lambda () 3))
