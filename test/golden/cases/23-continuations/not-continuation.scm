; continuation-return needs a continuation
(display "start") (newline)
(continuation-return (lambda (x) x) 1)
