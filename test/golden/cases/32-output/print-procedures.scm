; Gambit print and println display their arguments without spaces
(print 1 "two" #\3 (quote (4 "five")))
(newline)
(println "line" 2)
(print)
(println)
