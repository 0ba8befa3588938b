; The clause chosen is spliced into a begin: with no body, gsi names that begin.
(display (cond-expand (foo 1) (else)))
