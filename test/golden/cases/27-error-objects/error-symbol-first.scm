; error whose first argument is a symbol
(error 'my-proc "something failed" 7)
