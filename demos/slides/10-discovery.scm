;; Search LAN concurrently for DCS servers.

(define (discover-local-DCS-servers ip found)
  (let* ((nm #xffffffff00)
         (throttle (make-throttle 100)))
    (pfor 1
          (- #xffffffff nm)
          (lambda (i)
            (throttle
              (lambda ()
                (check-for-DCS-server
                  (num->ip
                    (+ i (bitwise-and nm (ip->num ip))))
                  found)))))))

(define (check-for-DCS-server ip found)
  (let ((conn (DCS-connect ip)))
    (if conn
        (found conn))
    (sleep 0.5)))
