; calling a named-let procedure with the wrong number of arguments
(display "start") (newline)
(let loop ((i 0) (j 0))
  (if (< i 3) (loop (+ i 1))))
