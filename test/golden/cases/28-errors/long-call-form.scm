; a long call form is abbreviated under the error
(define (f . args) (car args))
(vector-ref (vector 1 2 3) (quote (aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccccccccccccccccccc dddddddddddddddddd eeeeeeeeeeeeeeeee ffffffffffffff)))
