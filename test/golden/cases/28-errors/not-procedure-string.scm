; calling a string
("hello" 1)
