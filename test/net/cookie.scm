;; A node with another cookie (test/unit/net-cli.test.ts): after a sweep it still knows only
;; itself.

(thread-sleep! 2)
(write (map node-address (nodes)))
(newline)
