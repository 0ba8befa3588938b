; a 10^7-iteration named-let loop: the cost of one tail call and two fixnum operations
(display (let loop ((i 0) (acc 0)) (if (= i 10000000) acc (loop (+ i 1) (+ acc 1))))) (newline)
