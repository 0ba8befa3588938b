; current-directory given a non-string
(current-directory 5)
