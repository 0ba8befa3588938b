; No clause of this cond-expand applies (gsi 4.9.3 has no r7rs feature): an error when the
; file is compiled, so the display before it never runs.
(display "not shown")
(cond-expand (r7rs (display "r7rs")))
