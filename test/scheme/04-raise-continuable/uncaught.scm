; an uncaught raise-continuable reports the raised object like raise
(display "start") (newline)
; expect: start
(raise-continuable 'nobody-home)
; expect error: This object was raised: nobody-home
