; make-vector with a negative size
(make-vector -1)
