; exact of an infinity
(exact (/ 1. 0.))
