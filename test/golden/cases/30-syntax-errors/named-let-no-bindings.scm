; named let without bindings
(display "never") (newline)
(let loop)
