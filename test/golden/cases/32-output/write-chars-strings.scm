; write-char, write-string, display of chars
(write-char #\a) (write-char #\newline)
(write-string "written") (newline)
(display #\space) (display "|") (newline)
(write (list #\a #\space #\newline #\tab #\nul #\x7f #\x3bb)) (newline)
(write (string #\a #\newline #\b)) (newline)
(write "\\") (newline)
