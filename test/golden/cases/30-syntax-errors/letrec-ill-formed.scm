; letrec with a bad binding
(display "never") (newline)
(letrec ((a)) a)
