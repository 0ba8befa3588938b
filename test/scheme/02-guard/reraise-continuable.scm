; R7RS: with no matching clause, guard re-raises with raise-continuable in the dynamic
; environment of the original raise, so an outer handler's value flows back
(write (with-exception-handler
  (lambda (e) 10)
  (lambda ()
    (+ 1 (guard (e ((string? e) 'string))
           (raise-continuable 'sym))))))
(newline)
; expect: 11
