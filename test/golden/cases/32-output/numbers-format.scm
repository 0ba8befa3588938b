; more number formatting
(write (list 0. -0. 1.5e10 1.5e-10 123456789012345678901234567890. 3.14159 (/ 22. 7) (expt 2. 70))) (newline)
(write (list (exact->inexact 2/3) (* 1. 1/8) 1e100 (sqrt -4) (expt 0 0) (exp 0) (atan 1 1))) (newline)
(write (list (exact 2.5) (exact 0.1) (round 2.5) (round 3.5) (truncate -2.7) (floor -2.7))) (newline)
(write (list (number->string 255 16) (number->string 1/3 2) (string->number "1e3") (string->number "#xff") (string->number "abc"))) (newline)
