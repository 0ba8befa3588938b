; symbol->string of a string
(symbol->string "already a string")
