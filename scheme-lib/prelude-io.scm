;; I/O procedures that call Scheme procedures (Gambit manual ch. 17, R7RS 6.13): each makes a
;; port, runs the procedure with it -- as its argument, or as the current port through
;; parameterize -- and closes it. The primitives they use are in runtime/prims/io.ts;
;; ##io-type-error raises gsi's type error with the caller's call form.

;; (with-output-to-string [settings] thunk): settings may be a string, the port's initial text.
(define (with-output-to-string settings #!optional (thunk #f))
  (let ((init (if thunk settings '()))
        (proc (if thunk thunk settings)))
    (if (not (procedure? proc))
        (if thunk
            (##io-type-error 2 "PROCEDURE" 'with-output-to-string settings thunk)
            (##io-type-error 1 "PROCEDURE" 'with-output-to-string settings)))
    (let ((port (open-output-string init)))
      (parameterize ((current-output-port port))
        (proc))
      (get-output-string port))))

;; (call-with-output-string [settings] proc)
(define (call-with-output-string settings #!optional (proc #f))
  (let ((init (if proc settings '()))
        (f (if proc proc settings)))
    (if (not (procedure? f))
        (if proc
            (##io-type-error 2 "PROCEDURE" 'call-with-output-string settings proc)
            (##io-type-error 1 "PROCEDURE" 'call-with-output-string settings)))
    (let ((port (open-output-string init)))
      (f port)
      (get-output-string port))))

(define (with-input-from-string string thunk)
  (if (not (string? string))
      (##io-type-error 1 "STRING or port settings" 'with-input-from-string string thunk))
  (if (not (procedure? thunk))
      (##io-type-error 2 "PROCEDURE" 'with-input-from-string string thunk))
  (parameterize ((current-input-port (open-input-string string)))
    (thunk)))

(define (call-with-input-string string proc)
  (if (not (string? string))
      (##io-type-error 1 "STRING or port settings" 'call-with-input-string string proc))
  (if (not (procedure? proc))
      (##io-type-error 2 "PROCEDURE" 'call-with-input-string string proc))
  (proc (open-input-string string)))

(define (call-with-input-file path proc)
  (if (not (procedure? proc))
      (##io-type-error 2 "PROCEDURE" 'call-with-input-file path proc))
  (let* ((port (open-input-file path))
         (result (proc port)))
    (close-port port)
    result))

(define (call-with-output-file path proc)
  (if (not (procedure? proc))
      (##io-type-error 2 "PROCEDURE" 'call-with-output-file path proc))
  (let* ((port (open-output-file path))
         (result (proc port)))
    (close-port port)
    result))

(define (with-input-from-file path thunk)
  (if (not (procedure? thunk))
      (##io-type-error 2 "PROCEDURE" 'with-input-from-file path thunk))
  (let* ((port (open-input-file path))
         (result (parameterize ((current-input-port port)) (thunk))))
    (close-port port)
    result))

(define (with-output-to-file path thunk)
  (if (not (procedure? thunk))
      (##io-type-error 2 "PROCEDURE" 'with-output-to-file path thunk))
  (let* ((port (open-output-file path))
         (result (parameterize ((current-output-port port)) (thunk))))
    (close-port port)
    result))

;; (read-all [port [reader]]): the list of what `reader` returns until the end of file.
(define (read-all #!optional (port (current-input-port)) (reader read))
  (let loop ((acc '()))
    (let ((x (reader port)))
      (if (eof-object? x)
          (reverse acc)
          (loop (cons x acc))))))
