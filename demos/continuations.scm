;; The talk's continuation example ("Cont. Example (part 2)"): C captures its continuation and
;; immediately returns into it with (* z z), so (A 1) = (+ (* (* 3 3) 2) 1) = 19.

(define (C z)
  (continuation-capture
   (lambda (k)
     (continuation-return
      k
      (* z z)))))

(define (B y)
  (* (C 3) y))

(define (A x)
  (+ (B 2) x))

(define result ; not on the slide: keep the value to show it
  (A 1))

(display result)
(newline)
