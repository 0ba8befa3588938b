; display-continuation-backtrace: frames of calls in progress, innermost first, with their
; variables when display-env? is true; in an exception handler, the frames of the error
(define (f x) (* 2 (g x)))
(define (g x) (+ 1 (h x)))
(define (h x) (continuation-capture (lambda (k) (display-continuation-backtrace k (current-output-port)) 0)))
(display (f 5))
(newline)
(define (f3 x) (* 2 (g3 x)))
(define (g3 x) (+ 1 (h3 x)))
(define (h3 x) (continuation-capture (lambda (k) (display-continuation-backtrace k (current-output-port) #f #t) 0)))
(display (f3 5))
(newline)
(with-exception-catcher
  (lambda (e) (continuation-capture (lambda (k) (display-continuation-backtrace k))) 'caught)
  (lambda () (f 'a)))
(display-continuation-backtrace 5)
