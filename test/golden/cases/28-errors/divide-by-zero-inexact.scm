; inexact division by zero gives infinities; exact zero divisors are errors
(write (/ 1. 0.)) (newline)
(write (/ -1 0.)) (newline)
(write (/ 0. 0.)) (newline)
(write (quotient 7 2)) (newline)
(write (quotient 1 0)) (newline)
