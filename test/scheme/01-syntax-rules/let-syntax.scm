; let-syntax and letrec-syntax (R7RS 4.3.1)
(write (let-syntax ((given-that (syntax-rules ()
                                  ((_ test stmt1 stmt2 ...) (if test (begin stmt1 stmt2 ...))))))
         (let ((if #t))
           (given-that if (set! if 'now))
           if)))
(newline)
; expect: now

(write (let ((x 'outer))
         (let-syntax ((m (syntax-rules () ((m) x))))
           (let ((x 'inner))
             (m)))))
(newline)
; expect: outer

(write (letrec-syntax
           ((my-or (syntax-rules ()
                     ((my-or) #f)
                     ((my-or e) e)
                     ((my-or e1 e2 ...)
                      (let ((temp e1))
                        (if temp temp (my-or e2 ...)))))))
         (let ((x #f) (y 7) (temp 8) (let odd?) (if even?))
           (my-or x (let temp) (if y) y))))
(newline)
; expect: 7

(write (let-syntax ((foo (syntax-rules () ((_ a) (* a 2)))))
         (foo 21)))
(newline)
; expect: 42
