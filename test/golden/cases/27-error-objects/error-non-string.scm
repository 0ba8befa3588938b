; error with a non-string message
(error 42 43)
