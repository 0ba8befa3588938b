; string-append with a number
(string-append "a" 5 "b")
