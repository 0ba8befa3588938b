; case clause without a datum list
(display "never") (newline)
(case 1 (1 'one))
