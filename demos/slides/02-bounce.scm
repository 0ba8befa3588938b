;; Single-node version (no teleportation)
(define (bounce period name)
  (let loop ((pos 2) (dir 1) (ttl 100))
    (if (> ttl 0)
        (begin

 
          (set-row pos (list name " " ttl))
          (sleep period)
          (set-row pos ""))

        (if (and (> pos top) (< pos bot))

            ;; not on fence so just move
            (loop (+ pos dir) dir (- ttl 1))

            ;; must bounce
            (begin

              (loop (- pos dir) (- dir) (- ttl 1))))))))
