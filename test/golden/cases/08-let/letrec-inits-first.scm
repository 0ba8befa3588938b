; gsi's letrec evaluates every init before it assigns any of the variables, so an init that
; reads another variable of the same letrec gets #!unbound (letrec* and internal defines
; assign each in turn). gsi-ts gave letrec letrec*'s meaning.
(define (show x) (write x) (newline))
(show (letrec ((a 1) (b a)) b))
(show (letrec* ((a 1) (b a)) b))
(show (let () (define a 1) (define b a) b))
(show (letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1)))))
               (odd? (lambda (n) (if (= n 0) #f (even? (- n 1))))))
        (list (even? 10) (odd? 7) even? odd?)))
(show (letrec ((f (lambda () 1))) f))
(show (letrec ((a 1) (b 2)) (set! a 5) (list a b)))
(show (letrec* ((a 1) (b (+ a 1))) b))
(show (with-exception-catcher (lambda (e) (display-exception e (current-output-port)) 'caught)
                              (lambda () (letrec ((a 1) (b (+ a 1))) b))))
(show (with-exception-catcher (lambda (e) (display-exception e (current-output-port)) 'caught)
                              (lambda () (letrec ((a (lambda () b)) (b (a))) b))))
