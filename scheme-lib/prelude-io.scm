;; I/O procedures that call Scheme procedures (Gambit manual ch. 17, R7RS 6.13): each makes a
;; port, runs the procedure with it -- as its argument, or as the current port through
;; parameterize -- and closes it. The primitives they use are in runtime/prims/io.ts.
;;
;; Errors are raised by ##io-type-error and ##io-open-file on behalf of the procedure (so the
;; call form shows `(with-output-to-string 1)`), always in tail position, so that gsi-ts
;; locates them where the procedure was called, as gsi does.

;; (with-output-to-string [settings] thunk): settings may be a string, the port's initial text.
(define (with-output-to-string settings #!optional (thunk #f))
  (let ((init (if thunk settings '()))
        (proc (if thunk thunk settings)))
    (if (procedure? proc)
        (let ((port (open-output-string init)))
          (parameterize ((current-output-port port))
            (proc))
          (get-output-string port))
        (if thunk
            (##io-type-error 2 "PROCEDURE" 'with-output-to-string settings thunk)
            (##io-type-error 1 "PROCEDURE" 'with-output-to-string settings)))))

;; (call-with-output-string [settings] proc)
(define (call-with-output-string settings #!optional (proc #f))
  (let ((init (if proc settings '()))
        (f (if proc proc settings)))
    (if (procedure? f)
        (let ((port (open-output-string init)))
          (f port)
          (get-output-string port))
        (if proc
            (##io-type-error 2 "PROCEDURE" 'call-with-output-string settings proc)
            (##io-type-error 1 "PROCEDURE" 'call-with-output-string settings)))))

(define (with-input-from-string string thunk)
  (cond ((not (string? string))
         (##io-type-error 1 "STRING or port settings" 'with-input-from-string string thunk))
        ((not (procedure? thunk))
         (##io-type-error 2 "PROCEDURE" 'with-input-from-string string thunk))
        (else
         ;; The thunk is called by code named with-input-from-string (a parameterize body is
         ;; anonymous), not in tail position: an error in the thunk's tail is IN
         ;; with-input-from-string, as in gsi (several values are one object).
         (parameterize ((current-input-port (open-input-string string)))
           ((named-lambda (with-input-from-string)
              (let ((result (thunk)))
                result)))))))

(define (call-with-input-string string proc)
  (cond ((not (string? string))
         (##io-type-error 1 "STRING or port settings" 'call-with-input-string string proc))
        ((not (procedure? proc))
         (##io-type-error 2 "PROCEDURE" 'call-with-input-string string proc))
        (else
         (let ((result (proc (open-input-string string)))) ; IN call-with-input-string, as above
           result))))

;; R7RS call-with-port: closes the port when proc returns (an escape leaves it open).
(define (call-with-port port proc)
  (cond ((not (port? port))
         (##io-type-error 1 'port 'call-with-port port proc))
        ((not (procedure? proc))
         (##io-type-error 2 "PROCEDURE" 'call-with-port port proc))
        (else
         (let ((result (proc port)))
           (close-port port)
           result))))

;; Files and processes: (##io-call-with open dir settings use wait? who arg) opens the port
;; with `open` (##io-open-file or ##io-open-process, which call the receiver in tail position),
;; gives (use port), having closed the port (and with wait?, waited for the process's end).
;; `arg` is the caller's procedure argument, checked here; `who` names the caller for errors.
(define (##io-call-with open dir settings use wait? who arg)
  (if (procedure? arg)
      (open dir settings
            (lambda (port)
              (let ((result (use port)))
                (close-port port)
                (if wait? (process-status port))
                result))
            who settings arg)
      (##io-type-error 2 "PROCEDURE" who settings arg)))

(define (call-with-input-file path proc)
  (##io-call-with ##io-open-file 'input path proc #f 'call-with-input-file proc))

(define (call-with-output-file path proc)
  (##io-call-with ##io-open-file 'output path proc #f 'call-with-output-file proc))

(define (with-input-from-file path thunk)
  (##io-call-with ##io-open-file 'input path
                  (lambda (port) (parameterize ((current-input-port port)) (thunk)))
                  #f 'with-input-from-file thunk))

(define (with-output-to-file path thunk)
  (##io-call-with ##io-open-file 'output path
                  (lambda (port) (parameterize ((current-output-port port)) (thunk)))
                  #f 'with-output-to-file thunk))

;; Process versions (Gambit manual, "Process devices"): settings is a path or port settings.
;; The output ones wait for the program to end after closing its input, so that what it
;; writes comes before what follows.
(define (call-with-input-process settings proc)
  (##io-call-with ##io-open-process 'input settings proc #f 'call-with-input-process proc))

(define (call-with-output-process settings proc)
  (##io-call-with ##io-open-process 'output settings proc #t 'call-with-output-process proc))

(define (with-input-from-process settings thunk)
  (##io-call-with ##io-open-process 'input settings
                  (lambda (port) (parameterize ((current-input-port port)) (thunk)))
                  #f 'with-input-from-process thunk))

(define (with-output-to-process settings thunk)
  (##io-call-with ##io-open-process 'output settings
                  (lambda (port) (parameterize ((current-output-port port)) (thunk)))
                  #t 'with-output-to-process thunk))

;; The u8vector versions (Gambit manual, "U8vector ports"): settings is a u8vector (for input the
;; bytes to read, for output the port's initial contents) or a port-settings list.
;; (##io-u8vector-port 'input|'output settings) is the port, or #f if the settings are wrong.
(define (call-with-output-u8vector settings #!optional (proc #f))
  (let ((port (##io-u8vector-port 'output (if proc settings '())))
        (f (if proc proc settings)))
    (cond ((not port)
           (##io-type-error 1 "U8VECTOR or port settings" 'call-with-output-u8vector settings proc))
          ((procedure? f)
           (f port)
           (get-output-u8vector port))
          (proc
           (##io-type-error 2 "PROCEDURE" 'call-with-output-u8vector settings proc))
          (else
           (##io-type-error 1 "PROCEDURE" 'call-with-output-u8vector settings)))))

(define (with-output-to-u8vector settings #!optional (thunk #f))
  (let ((port (##io-u8vector-port 'output (if thunk settings '())))
        (proc (if thunk thunk settings)))
    (cond ((not port)
           (##io-type-error 1 "U8VECTOR or port settings" 'with-output-to-u8vector settings thunk))
          ((procedure? proc)
           (parameterize ((current-output-port port))
             (proc))
           (get-output-u8vector port))
          (thunk
           (##io-type-error 2 "PROCEDURE" 'with-output-to-u8vector settings thunk))
          (else
           (##io-type-error 1 "PROCEDURE" 'with-output-to-u8vector settings)))))

(define (call-with-input-u8vector settings proc)
  (let ((port (##io-u8vector-port 'input settings)))
    (cond ((not port)
           (##io-type-error 1 "U8VECTOR or port settings" 'call-with-input-u8vector settings proc))
          ((procedure? proc)
           (proc port))
          (else
           (##io-type-error 2 "PROCEDURE" 'call-with-input-u8vector settings proc)))))

(define (with-input-from-u8vector settings thunk)
  (let ((port (##io-u8vector-port 'input settings)))
    (cond ((not port)
           (##io-type-error 1 "U8VECTOR or port settings" 'with-input-from-u8vector settings thunk))
          ((procedure? thunk)
           (parameterize ((current-input-port port))
             (thunk)))
          (else
           (##io-type-error 2 "PROCEDURE" 'with-input-from-u8vector settings thunk)))))

;; (read-all [port [reader]]): the list of what `reader` returns until the end of file.
(define (read-all #!optional (port (current-input-port)) (reader read))
  (let loop ((acc '()))
    (let ((x (reader port)))
      (if (eof-object? x)
          (reverse acc)
          (loop (cons x acc))))))

;; (time expr [port]): the value(s) of expr, and on port (default: the current output port)
;; how long it took, as gsi reports it (runtime/time-report.ts).
;; The thunk is called by ##exec-stats itself (not through call-with-values), so an error in
;; its tail is located IN ##exec-stats, as in gsi; its multiple values are one object.
(define (##exec-stats thunk expr port)
  (let* ((stop (##time-start))
         (result (thunk))
         (report (stop expr)))
    (display report port)
    result))

(define-syntax time
  (syntax-rules ()
    ((_ expr) (##exec-stats (lambda () expr) 'expr (current-output-port)))
    ((_ expr port) (##exec-stats (lambda () expr) 'expr port))))
