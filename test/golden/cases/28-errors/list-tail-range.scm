; list-tail past the end
(list-tail (list 1 2) 5)
