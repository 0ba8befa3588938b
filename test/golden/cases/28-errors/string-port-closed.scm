; reading from a number as a port
(read-char 5)
