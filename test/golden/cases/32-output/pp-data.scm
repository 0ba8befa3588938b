; pp of data: short data on one line, long data broken at 80 columns
(pp 42)
(pp "a string")
(pp (quote (a b c)))
(pp (quote #(1 2 3)))
(pp (quote (define (f x) (let loop ((i 0) (acc (quote ()))) (if (< i x) (loop (+ i 1) (cons (* i i i i) acc)) (reverse acc))))))
(pp (let loop ((i 0) (acc (quote ()))) (if (= i 40) acc (loop (+ i 1) (cons i acc)))))
(pp (quote (let ((x 1) (y 2)) (display x) (display y) (newline) (list x y x y x y x y x y x y x y))))
