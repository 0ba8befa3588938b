;; Round-trip speed of object->u8vector / u8vector->object, run by both gsi and gsi-ts
;; (bench/serialize-speed.ts runs it and compares). Prints, per case, one line:
;;   NAME BYTES BEST-SERIALIZE BEST-DESERIALIZE BEST-ROUND-TRIP   (times in seconds)
;; after checking that what comes back is what was sent.

(define-type point id: 5E7A1C2B-33D4-4E0F-9A51-0B6C2D7E8F90 x y)

(define (iota-list n)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons i acc)))))

(define (points n)
  (let ((v (make-vector n)))
    (let loop ((i 0))
      (if (< i n)
          (begin (vector-set! v i (make-point i (* 2 i))) (loop (+ i 1)))))
    v))

(define (check-list l n)
  (let loop ((l l) (i 0))
    (cond ((null? l) (= i n))
          ((eqv? (car l) i) (loop (cdr l) (+ i 1)))
          (else #f))))

(define (check-points v n)
  (and (= (vector-length v) n)
       (let loop ((i 0))
         (or (= i n)
             (let ((p (vector-ref v i)))
               (and (point? p) (= (point-x p) i) (= (point-y p) (* 2 i)) (loop (+ i 1))))))))

(define (bench name obj ok? runs)
  (let loop ((i 0) (best-ser 1e9) (best-de 1e9) (best-rt 1e9) (size 0))
    (if (< i runs)
        (let* ((t0 (real-time))
               (u (object->u8vector obj))
               (t1 (real-time))
               (o (u8vector->object u))
               (t2 (real-time)))
          (if (not (ok? o)) (begin (display name) (display " WRONG RESULT\n") (exit 1)))
          (loop (+ i 1) (min best-ser (- t1 t0)) (min best-de (- t2 t1)) (min best-rt (- t2 t0)) (u8vector-length u)))
        (begin
          (display name) (display " ") (display size) (display " ")
          (display best-ser) (display " ") (display best-de) (display " ") (display best-rt) (newline)))))

(define runs 30)
(define lst (iota-list 100000))
(define pts (points 10000))
(bench "list-100000" lst (lambda (o) (check-list o 100000)) runs)
(bench "records-10000" pts (lambda (o) (check-points o 10000)) runs)
