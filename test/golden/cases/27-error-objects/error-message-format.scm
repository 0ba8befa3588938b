; how error shows message and irritants when uncaught
(display "start") (newline)
(error "Value is bad:" 42 "a string" 'sym '(1 "x") #\c 1.5)
