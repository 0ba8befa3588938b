(define (go)
  (define (bounce period name)
    ...)
  ;; spawn a bouncing thread every 20 secs
  (let loop ()
    (spawn
      (bounce (+ .2 (* .2 (random-real)))
              (host-name)))
    (sleep 20)
    (loop)))
  (go))
