; length of an improper list
(length (cons 1 2))
