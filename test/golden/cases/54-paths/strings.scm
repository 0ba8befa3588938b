; path-directory, path-strip-directory, path-extension, path-strip-extension, case by case
(define (p x) (write x) (newline))
(for-each (lambda (s)
  (p (list s (path-directory s) (path-strip-directory s) (path-extension s) (path-strip-extension s))))
  '("a/b/c.scm" "c.scm" "/x/y/" "/" "" "a.b/c" ".hidden" "a/.hidden" "a/b.tar.gz" "dir/" "a//b" "./x.y" "../z" "x." "~/f.txt"))
(path-extension 'sym)
