; char->integer of a string
(char->integer "a")
