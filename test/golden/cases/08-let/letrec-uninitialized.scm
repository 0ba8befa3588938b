; a letrec init that reads a later binding sees it unassigned
(write (letrec ((a (lambda () b)) (b 2)) (a))) (newline)
(write (letrec* ((a 1) (b a)) b)) (newline)
(write (letrec ((a b) (b 1)) a)) (newline)
