; a block comment that never ends
(display "never") (newline)
#| unterminated
