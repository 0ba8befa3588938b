; passing several values to a continuation
(write (call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) list)) (newline)
(write (call-with-values (lambda () (call/cc (lambda (k) (k)))) list)) (newline)
