; calling the empty list as in ((quote ()))
(display "start") (newline)
((quote ()) 1)
