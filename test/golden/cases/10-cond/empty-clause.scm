; an empty cond clause
(display "never") (newline)
(cond ())
