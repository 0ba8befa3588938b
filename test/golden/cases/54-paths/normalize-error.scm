; path-normalize: a missing last name is kept, a missing directory is an error
(write (string=? (path-normalize "no-such-file") (string-append (current-directory) "no-such-file")))
(newline)
(path-normalize "no-such-dir/x")
