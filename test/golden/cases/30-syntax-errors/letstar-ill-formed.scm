; let* with a bad binding list
(display "never") (newline)
(let* x 1)
