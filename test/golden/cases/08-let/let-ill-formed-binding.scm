; a let binding without an init
(display "never") (newline)
(let ((x)) x)
