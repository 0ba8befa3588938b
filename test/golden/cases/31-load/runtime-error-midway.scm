; forms run in order until the first run-time error; later forms never run
(display "one") (newline)
(display "two") (newline)
(car (quote ()))
(display "three") (newline)
