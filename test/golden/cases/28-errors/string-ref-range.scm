; string index out of range
(string-ref "abc" 10)
