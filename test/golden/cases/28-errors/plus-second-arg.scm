; the argument number in a type error counts from 1
(+ 1 2 "three" 4)
