; parameterize with something that is not a parameter
(display "start") (newline)
(define notp (lambda () 1))
(parameterize ((notp 2)) (notp))
