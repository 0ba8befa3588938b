(define (teleport destination)

  ;; get the thread's continuation

  (continuation-capture
   (lambda (k)
     (without-exception ;; guard against rpc failure
      (begin

        ;; try to resume continuation in a new thread
        ;; at the destination in no more than 5 seconds

        (rpc destination
         (begin
          (spawn (continuation-return k #t))
          'done)
          5)

        ;; if teleportation went OK, kill
        ;; the original thread

        (halt))))))
