; #!default is not a valid #! name in gsi 4.9.3
(display "never") (newline)
(write #!default)
