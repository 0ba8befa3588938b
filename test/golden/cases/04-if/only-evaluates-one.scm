; if evaluates only the chosen branch
(define (noisy x) (display x) (newline) x)
(if (noisy #t) (noisy 'then) (noisy 'else))
(if (noisy #f) (noisy 'then) (noisy 'else))
(if (noisy #f) (noisy 'then))
(display "done") (newline)
