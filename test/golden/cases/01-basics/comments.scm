; line comments, block comments and datum comments
(display 1) ; trailing comment
(newline)
#| a block
   comment (display "no") |#
(display 2) (newline)
#;(display "skipped")
(display 3) (newline)
(write '(a #;b c)) (newline)
#| nested #| block |# comment |#
(display 4) (newline)
