; case-lambda with a clause without a body
(display "never") (newline)
(case-lambda ((x)))
