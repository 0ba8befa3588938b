; apply with an improper list
(display "start") (newline)
(apply + '(1 2 . 3))
