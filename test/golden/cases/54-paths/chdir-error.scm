; current-directory to a missing directory: located as gsi locates it
(display "before")
(newline)
(current-directory "/no/such/directory/here")
