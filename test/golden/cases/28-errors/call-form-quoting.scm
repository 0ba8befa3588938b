; arguments in the call form are written as data; symbols and lists get a quote
(vector-ref (vector (quote a) (list 1 2) "s" #\c) (quote sym))
