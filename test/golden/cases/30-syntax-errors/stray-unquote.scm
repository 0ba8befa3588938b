; a stray comma outside quasiquote is read as unquote
(display "start") (newline)
,x
