; wrong arity on an anonymous lambda
(display "go") (newline)
((lambda (x) x))
