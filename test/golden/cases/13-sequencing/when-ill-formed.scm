; when without a test
(display "never") (newline)
(when)
