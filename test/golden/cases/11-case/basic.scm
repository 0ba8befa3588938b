; case with datums, else, and numbers/chars/symbols
(define (kind x)
  (case x
    ((1 2 3) 'small)
    ((a b c) 'letter)
    ((#\x) 'char)
    (("s") 'string)
    ((()) 'empty)
    (else 'other)))
(write (map kind (list 1 3 'b #\x "s" '() 99))) (newline)
(write (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))) (newline)
(write (case 10 ((1) 'one))) (newline)
(write (case 'x ((x) 1 2 3))) (newline)
(write (case 2.0 ((2) 'exact-two) (else 'not-eqv))) (newline)
