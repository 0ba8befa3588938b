; vector-ref of a list
(vector-ref (list 1 2) 0)
