; a guard with no matching clause re-raises to the outer handler
(write (guard (outer (#t (list 'outer outer)))
  (guard (inner ((string? inner) (list 'inner inner)))
    (raise 'not-a-string))))
(newline)
; expect: (outer not-a-string)
(display "before") (newline)
; expect: before
(guard (e ((string? e) 'handled))
  (raise 'unhandled-symbol))
(display "not reached") (newline)
; expect error: This object was raised: unhandled-symbol
