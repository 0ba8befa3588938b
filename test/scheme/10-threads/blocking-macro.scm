;; A macro transformer runs synchronously while the file is compiled (gsi-ts compiles a file
;; whole before running it, as gsi does). Deliberate difference: gsi runs transformers in the
;; compiling thread, where they may sleep, join or wait; gsi-ts cannot park the compiler, so a
;; transformer that would wait raises a clear error instead of stalling the program (it used
;; to spin for ever). The error comes while compiling, before anything is printed.

(define-macro (sleepy)
  (thread-sleep! .1)
  1)

(display "never printed")
; expect error: Blocking operation in a synchronous context
(display (sleepy))
