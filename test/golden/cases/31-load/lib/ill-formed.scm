; loaded by ../load-ill-formed.scm: rejected before any of it runs
(display "ill-formed starts") (newline)
(if)
