; write of nested quote forms and special cases
(write (quote (quote (quote a)))) (newline)
(write (quote (quasiquote (a (unquote b) (unquote-splicing c))))) (newline)
(write (list (quote quote))) (newline)
(write (quote (quote . a))) (newline)
(write (quote (1 (quote 2) 3))) (newline)
(write (quote (a . (b . (c . ()))))) (newline)
