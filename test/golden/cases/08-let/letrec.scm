; letrec and letrec* for recursive bindings
(write (letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1)))))
                (od? (lambda (n) (if (= n 0) #f (ev? (- n 1))))))
         (list (ev? 10) (od? 10))))
(newline)
(write (letrec* ((a 1) (b (+ a 1)) (f (lambda () (list a b)))) (f))) (newline)
(write (letrec ((fact (lambda (n) (if (= n 0) 1 (* n (fact (- n 1))))))) (fact 20))) (newline)
(write (letrec () 'nothing)) (newline)
