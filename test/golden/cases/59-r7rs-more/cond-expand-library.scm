; gsi 4.9.3's cond-expand knows no (library ...) requirement.
(display (cond-expand ((library (scheme base)) 'yes) (else 'no)))
