; A file ending in a #; datum comment with no datum after it: gsi reports "Datum expected"
; at the end of the file (and, reading the whole file first, runs none of it); gsi-ts took
; the end of file for the end of the program.
(display "not shown")
(newline)
#;