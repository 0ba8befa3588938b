; an error in a procedure called by for-each: the pending frame is for-each itself
(for-each (lambda (x) (car x)) (quote (1)))
