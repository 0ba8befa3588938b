;;; prelude-data.scm -- the data-structure procedures of gsi 4.9.3 that call procedures:
;;; map, for-each, fold, fold-right, list-tabulate, member and assoc (with an optional test),
;;; vector-map, vector-for-each, string-map, string-for-each, table-for-each, table-search.
;;; (gsi 4.9.3 has no filter, reduce, fold-left, append-map, list-index, any, every, sort,
;;; list-sort or table-update!, so neither do we.)
;;;
;;; Errors name the procedure the program called, as gsi's do: the `##` helpers of
;;; runtime/prims take the procedure and its arguments, e.g.
;;; (##raise-type-exception 1 'PROCEDURE map (cons f lists)) is `(Argument 1) PROCEDURE
;;; expected` with the call form `(map 5 '(1 2))`.
;;;
;;; The code calls primitives by `##` names bound here, so that a program redefining `car` or
;;; `reverse` does not change what `map` does. Plain Scheme only: no macros.

(define ##pair? pair?)
(define ##null? null?)
(define ##car car)
(define ##cdr cdr)
(define ##cons cons)
(define ##list list)
(define ##reverse reverse)
(define ##procedure? procedure?)
(define ##char? char?)
(define ##vector->list vector->list)
(define ##list->vector list->vector)
(define ##string->list string->list)
(define ##list->string list->string)
(define ##apply apply)
(define ##void void)

;; (map f list1 list2 ...): calls f in order, stops at the shortest list.
(define (map f lst . lsts)
  (if (##procedure? f)
      (if (##null? lsts)
          (let loop ((l lst) (acc '()))
            (if (##pair? l)
                (loop (##cdr l) (##cons (f (##car l)) acc))
                (if (##null? l)
                    (##reverse acc)
                    (##raise-type-exception 2 'LIST map (##list f lst)))))
          (let ((args (##cons f (##cons lst lsts))))
            (let loop ((ls (##cons lst lsts)) (acc '()))
              (let ((step (##cars+cdrs ls 2 map args)))
                (if step
                    (loop (##cdr step) (##cons (##apply f (##car step)) acc))
                    (##reverse acc))))))
      (##raise-type-exception 1 'PROCEDURE map (##cons f (##cons lst lsts)))))

(define (for-each f lst . lsts)
  (if (##procedure? f)
      (if (##null? lsts)
          (let loop ((l lst))
            (if (##pair? l)
                (begin (f (##car l)) (loop (##cdr l)))
                (if (##null? l)
                    (##void)
                    (##raise-type-exception 2 'LIST for-each (##list f lst)))))
          (let ((args (##cons f (##cons lst lsts))))
            (let loop ((ls (##cons lst lsts)))
              (let ((step (##cars+cdrs ls 2 for-each args)))
                (if step
                    (begin (##apply f (##car step)) (loop (##cdr step)))
                    (##void))))))
      (##raise-type-exception 1 'PROCEDURE for-each (##cons f (##cons lst lsts)))))

;; (fold kons knil list ...): (kons e1 ... acc), left to right.
(define (fold kons knil lst . lsts)
  (if (##procedure? kons)
      (let ((args (##cons kons (##cons knil (##cons lst lsts)))))
        (let loop ((ls (##cons lst lsts)) (acc knil))
          (let ((step (##cars+cdrs ls 3 fold args)))
            (if step
                (loop (##cdr step) (##apply kons (##fold-args (##car step) acc)))
                acc))))
      (##raise-type-exception 1 'PROCEDURE fold (##cons kons (##cons knil (##cons lst lsts))))))

;; (fold-right kons knil list ...): (kons e1 ... (kons en ... knil)); the lists are walked
;; (and checked) before kons is first called.
(define (fold-right kons knil lst . lsts)
  (if (##procedure? kons)
      (let ((args (##cons kons (##cons knil (##cons lst lsts)))))
        (let walk ((ls (##cons lst lsts)) (rows '()))
          (let ((step (##cars+cdrs ls 3 fold-right args)))
            (if step
                (walk (##cdr step) (##cons (##car step) rows))
                (let loop ((rows rows) (acc knil))
                  (if (##pair? rows)
                      (loop (##cdr rows) (##apply kons (##fold-args (##car rows) acc)))
                      acc))))))
      (##raise-type-exception 1 'PROCEDURE fold-right (##cons kons (##cons knil (##cons lst lsts))))))

;; (e1 ... en) and acc -> (e1 ... en acc)
(define (##fold-args elems acc)
  (if (##pair? elems)
      (##cons (##car elems) (##fold-args (##cdr elems) acc))
      (##list acc)))

;; (list-tabulate n f): f is called on n-1, ..., 1, 0, as gsi does.
(define (list-tabulate n f)
  (let ((count (##check-count n 1 list-tabulate (##list n f))))
    (if (##procedure? f)
        (let loop ((is (##reverse-iota count)) (acc '()))
          (if (##pair? is)
              (loop (##cdr is) (##cons (f (##car is)) acc))
              acc))
        (##raise-type-exception 2 'PROCEDURE list-tabulate (##list n f)))))

;; member and assoc: (test x element); without a test, the equal? primitives.
(define (member x lst . test)
  (if (##null? test)
      (##member x lst)
      (let ((eq (##car test)))
        (if (##procedure? eq)
            (let loop ((l lst))
              (if (##pair? l)
                  (if (eq x (##car l)) l (loop (##cdr l)))
                  (if (##null? l)
                      #f
                      (##raise-type-exception 2 'LIST member (##list x lst eq)))))
            (##raise-type-exception 3 'PROCEDURE member (##list x lst eq))))))

(define (assoc x alist . test)
  (if (##null? test)
      (##assoc x alist)
      (let ((eq (##car test)))
        (if (##procedure? eq)
            (let loop ((l alist))
              (if (##pair? l)
                  (let ((e (##car l)))
                    (if (##pair? e)
                        (if (eq x (##car e)) e (loop (##cdr l)))
                        (##raise-type-exception 2 '|PAIR LIST| assoc (##list x alist eq))))
                  (if (##null? l)
                      #f
                      (##raise-type-exception 2 'LIST assoc (##list x alist eq)))))
            (##raise-type-exception 3 'PROCEDURE assoc (##list x alist eq))))))

;; Vectors and strings are mapped through lists: stop at the shortest, call f in order.
(define (vector-map f vect . vects)
  (let ((args (##cons f (##cons vect vects))))
    (##check-types (##list f) 1 'PROCEDURE vector-map args)
    (##check-types (##cons vect vects) 2 'VECTOR vector-map args)
    (##list->vector
     (if (##null? vects)
         (map f (##vector->list vect))
         (##apply map f (map ##vector->list (##cons vect vects)))))))

(define (vector-for-each f vect . vects)
  (let ((args (##cons f (##cons vect vects))))
    (##check-types (##list f) 1 'PROCEDURE vector-for-each args)
    (##check-types (##cons vect vects) 2 'VECTOR vector-for-each args)
    (if (##null? vects)
        (for-each f (##vector->list vect))
        (##apply for-each f (map ##vector->list (##cons vect vects))))))

(define (string-map f str . strs)
  (let ((args (##cons f (##cons str strs))))
    (##check-types (##list f) 1 'PROCEDURE string-map args)
    (##check-types (##cons str strs) 2 'STRING string-map args)
    (let ((g (lambda chars
               (let ((c (##apply f chars)))
                 (if (##char? c) c (##raise-type-exception 0 'CHARACTER f chars))))))
      (##list->string
       (if (##null? strs)
           (map g (##string->list str))
           (##apply map g (map ##string->list (##cons str strs))))))))

(define (string-for-each f str . strs)
  (let ((args (##cons f (##cons str strs))))
    (##check-types (##list f) 1 'PROCEDURE string-for-each args)
    (##check-types (##cons str strs) 2 'STRING string-for-each args)
    (if (##null? strs)
        (for-each f (##string->list str))
        (##apply for-each f (map ##string->list (##cons str strs))))))

;; Tables: the bindings are visited oldest first (table->list lists them newest first).
(define (table-for-each proc table)
  (if (##procedure? proc)
      (let loop ((items (##table-items table 2 table-for-each (##list proc table))))
        (if (##pair? items)
            (begin (proc (##car (##car items)) (##cdr (##car items)))
                   (loop (##cdr items)))
            (##void)))
      (##raise-type-exception 1 'PROCEDURE table-for-each (##list proc table))))

(define (table-search proc table)
  (if (##procedure? proc)
      (let loop ((items (##table-items table 2 table-search (##list proc table))))
        (if (##pair? items)
            (or (proc (##car (##car items)) (##cdr (##car items)))
                (loop (##cdr items)))
            #f))
      (##raise-type-exception 1 'PROCEDURE table-search (##list proc table))))
