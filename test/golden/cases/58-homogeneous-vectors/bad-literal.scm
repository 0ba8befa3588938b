; A literal with an element out of range in the program itself: gsi reads the whole file
; first, so the error is reported at the element before any expression runs.
(display "not shown")
(newline)
(define v '(#u8(1 2) #s16(1 -2) #f64(1. 2)))
