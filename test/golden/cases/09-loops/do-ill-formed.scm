; do without a test clause
(display "never") (newline)
(do ((i 0 (+ i 1))))
