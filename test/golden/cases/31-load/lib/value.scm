(define loaded-value 'from-value-file)
'last-value
