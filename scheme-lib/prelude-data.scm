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
(define ##eqv? eqv?)
(define ##eq? eq?)
(define ##not not)
(define ##set-cdr! set-cdr!)
(define ##vector vector)
(define ##vector-ref vector-ref)
(define ##vector-set! vector-set!)

;; Each loop is named after the procedure it is in: an error in a procedure called from the
;; loop is then reported `*** ERROR IN map -- ...`, as gsi reports it.

;; (map f list1 list2 ...): calls f in order, stops at the shortest list.
(define (map f lst . lsts)
  (if (##procedure? f)
      (if (##null? lsts)
          (let map ((l lst) (acc '()))
            (if (##pair? l)
                (map (##cdr l) (##cons (f (##car l)) acc))
                (if (##null? l)
                    (##reverse acc)
                    (##raise-type-exception 2 'LIST map (##list f lst)))))
          (##map-n 'map (lambda (xs) (##apply f xs)) (##cons lst lsts) (##cons f (##cons lst lsts))))
      (##raise-type-exception 1 'PROCEDURE map (##cons f (##cons lst lsts)))))

;; Mapping over several lists (or the lists of several vectors or strings) for `who`: `call` is
;; applied to the list of each step's elements.
(define (##map-n who call lists args)
  (let ((proc (##who->proc who)))
    (let map ((ls lists) (acc '()))
      (let ((step (##cars+cdrs ls 2 proc args)))
        (if step
            (map (##cdr step) (##cons (call (##car step)) acc))
            (##reverse acc))))))

(define (##for-each-n who call lists args)
  (let ((proc (##who->proc who)))
    (let for-each ((ls lists))
      (let ((step (##cars+cdrs ls 2 proc args)))
        (if step
            (begin (call (##car step)) (for-each (##cdr step)))
            (##void))))))

(define (##who->proc who)
  (if (##eq? who 'map) map
      (if (##eq? who 'for-each) for-each
          (if (##eq? who 'vector-map) vector-map
              (if (##eq? who 'vector-for-each) vector-for-each
                  (if (##eq? who 'string-map) string-map string-for-each))))))

(define (for-each f lst . lsts)
  (if (##procedure? f)
      (if (##null? lsts)
          (let for-each ((l lst))
            (if (##pair? l)
                (begin (f (##car l)) (for-each (##cdr l)))
                (if (##null? l)
                    (##void)
                    (##raise-type-exception 2 'LIST for-each (##list f lst)))))
          (##for-each-n 'for-each (lambda (xs) (##apply f xs)) (##cons lst lsts) (##cons f (##cons lst lsts))))
      (##raise-type-exception 1 'PROCEDURE for-each (##cons f (##cons lst lsts)))))

;; (fold kons knil list ...): (kons e1 ... acc), left to right.
(define (fold kons knil lst . lsts)
  (if (##procedure? kons)
      (let ((args (##cons kons (##cons knil (##cons lst lsts)))))
        (let fold ((ls (##cons lst lsts)) (acc knil))
          (let ((step (##cars+cdrs ls 3 fold args)))
            (if step
                (fold (##cdr step) (##apply kons (##fold-args (##car step) acc)))
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
                (let fold-right ((rows rows) (acc knil))
                  (if (##pair? rows)
                      (fold-right (##cdr rows) (##apply kons (##fold-args (##car rows) acc)))
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
        (let list-tabulate ((is (##reverse-iota count)) (acc '()))
          (if (##pair? is)
              (list-tabulate (##cdr is) (##cons (f (##car is)) acc))
              acc))
        (##raise-type-exception 2 'PROCEDURE list-tabulate (##list n f)))))

;; member and assoc: (test x element); without a test, the equal? primitives.
(define (member x lst . test)
  (if (##null? test)
      (##member x lst)
      (let ((eq (##car test)))
        (if (##procedure? eq)
            (let member ((l lst))
              (if (##pair? l)
                  (if (eq x (##car l)) l (member (##cdr l)))
                  (if (##null? l)
                      #f
                      (##raise-type-exception 2 'LIST member (##list x lst eq)))))
            (##raise-type-exception 3 'PROCEDURE member (##list x lst eq))))))

(define (assoc x alist . test)
  (if (##null? test)
      (##assoc x alist)
      (let ((eq (##car test)))
        (if (##procedure? eq)
            (let assoc ((l alist))
              (if (##pair? l)
                  (let ((e (##car l)))
                    (if (##pair? e)
                        (if (eq x (##car e)) e (assoc (##cdr l)))
                        (##raise-type-exception 2 '|PAIR LIST| assoc (##list x alist eq))))
                  (if (##null? l)
                      #f
                      (##raise-type-exception 2 'LIST assoc (##list x alist eq)))))
            (##raise-type-exception 3 'PROCEDURE assoc (##list x alist eq))))))

;; Vectors and strings are mapped through lists: stop at the shortest, call f in order, from
;; a procedure named after the public one and not in tail position (an error in f's tail is
;; IN vector-map..., as in gsi).
;; Argument errors are raised in tail position, so that they are located at the call of
;; vector-map (as gsi's are), not inside it.
(define (vector-map f vect . vects)
  (let ((args (##cons f (##cons vect vects))))
    (if (##procedure? f)
        (if (##types-ok? (##cons vect vects) 'VECTOR)
            (##list->vector (##map-n 'vector-map (named-lambda (vector-map xs) (let ((r (##apply f xs))) r))
                                   (map ##vector->list (##cons vect vects)) args))
            (##check-types (##cons vect vects) 2 'VECTOR vector-map args))
        (##raise-type-exception 1 'PROCEDURE vector-map args))))

(define (vector-for-each f vect . vects)
  (let ((args (##cons f (##cons vect vects))))
    (if (##procedure? f)
        (if (##types-ok? (##cons vect vects) 'VECTOR)
            (##for-each-n 'vector-for-each (named-lambda (vector-for-each xs) (let ((r (##apply f xs))) r))
                           (map ##vector->list (##cons vect vects)) args)
            (##check-types (##cons vect vects) 2 'VECTOR vector-for-each args))
        (##raise-type-exception 1 'PROCEDURE vector-for-each args))))

(define (string-map f str . strs)
  (let ((args (##cons f (##cons str strs))))
    (if (##procedure? f)
        (if (##types-ok? (##cons str strs) 'STRING)
            (let ((g (named-lambda (string-map chars)
                       (let* ((c (##apply f chars))
                              (c (if (##char? c) c (##raise-type-exception 0 'CHARACTER f chars))))
                         c))))
              (##list->string (##map-n 'string-map g (map ##string->list (##cons str strs)) args)))
            (##check-types (##cons str strs) 2 'STRING string-map args))
        (##raise-type-exception 1 'PROCEDURE string-map args))))

(define (string-for-each f str . strs)
  (let ((args (##cons f (##cons str strs))))
    (if (##procedure? f)
        (if (##types-ok? (##cons str strs) 'STRING)
            (##for-each-n 'string-for-each (named-lambda (string-for-each cs) (let ((r (##apply f cs))) r))
                           (map ##string->list (##cons str strs)) args)
            (##check-types (##cons str strs) 2 'STRING string-for-each args))
        (##raise-type-exception 1 'PROCEDURE string-for-each args))))

;; Tables: the bindings are visited oldest first (table->list lists them newest first).
(define (table-for-each proc table)
  (if (##procedure? proc)
      (let table-for-each ((items (##table-items table 2 table-for-each (##list proc table))))
        (if (##pair? items)
            (begin (proc (##car (##car items)) (##cdr (##car items)))
                   (table-for-each (##cdr items)))
            (##void)))
      (##raise-type-exception 1 'PROCEDURE table-for-each (##list proc table))))

(define (table-search proc table)
  (if (##procedure? proc)
      (let table-search ((items (##table-items table 2 table-search (##list proc table))))
        (if (##pair? items)
            (or (proc (##car (##car items)) (##cdr (##car items)))
                (table-search (##cdr items)))
            #f))
      (##raise-type-exception 1 'PROCEDURE table-search (##list proc table))))

;; Tables whose test or hash is not a primitive, e.g. (make-table test: (lambda (a b) ...)).
;; table-ref, table-set!, list->table and table-merge(!) hand such tables to the procedures
;; below. The bindings are a list of #(hash key value), oldest first; as in gsi, the hash
;; procedure (if any) is called once per operation, and the test as (test key stored-key) on
;; the bindings of the same hash, oldest first.

(define (##custom-table-hash t key)
  (let ((h (##table-hash t)))
    (if h (h key) 0)))

;; The binding of key (whose hash is h), or #f.
(define (##custom-table-lookup t key h)
  (let ((test (##table-test t)))
    (let loop ((l (##custom-table-items t)))
      (if (##pair? l)
          (let ((b (##car l)))
            (if (if (##eqv? (##vector-ref b 0) h) (test key (##vector-ref b 1)) #f)
                b
                (loop (##cdr l))))
          #f))))

(define (##custom-table-ref t key . default)
  (let ((b (##custom-table-lookup t key (##custom-table-hash t key))))
    (if b
        (##vector-ref b 2)
        (if (##pair? default)
            (##car default)
            (##table-missing t table-ref (##list t key))))))

(define (##custom-table-set! t key . val)
  (if (##pair? val)
      (##custom-table-put! t key (##custom-table-hash t key) (##car val) 'set)
      (##custom-table-put! t key (##custom-table-hash t key) #f 'delete))
  (##void))

;; mode: set (replace or add), add (only if absent), delete.
(define (##custom-table-put! t key h val mode)
  (let ((test (##table-test t)))
    (let loop ((l (##custom-table-items t)) (prev #f))
      (if (##pair? l)
          (let ((b (##car l)))
            (if (if (##eqv? (##vector-ref b 0) h) (test key (##vector-ref b 1)) #f)
                (if (##eq? mode 'set)
                    (##vector-set! b 2 val)
                    (if (##eq? mode 'delete)
                        (if prev
                            (##set-cdr! prev (##cdr l))
                            (##custom-table-items-set! t (##cdr l)))))
                (loop (##cdr l) l)))
          (if (##eq? mode 'delete)
              #f
              (let ((cell (##list (##vector h key val))))
                (if prev
                    (##set-cdr! prev cell)
                    (##custom-table-items-set! t cell))))))))

;; list->table: the first binding of a key wins.
(define (##custom-table-fill! t alist)
  (let loop ((l alist))
    (if (##pair? l)
        (let ((key (##car (##car l))))
          (##custom-table-put! t key (##custom-table-hash t key) (##cdr (##car l)) 'add)
          (loop (##cdr l)))
        t)))

(define (##custom-table-merge! into from prec)
  (let loop ((l (##table-items from 2 table-merge! (##list into from))))
    (if (##pair? l)
        (let ((key (##car (##car l))))
          (##custom-table-put! into key (##custom-table-hash into key) (##cdr (##car l)) (if prec 'set 'add))
          (loop (##cdr l)))
        into)))
