; output that does not end with a newline
(display "no newline at the end")
