(rpc destination
  (begin
    (spawn (continuation-return k #t))
    'done)
  5)
