; irritants are written, the message is displayed
(error "Message with \"quotes\":" "irritant \"quoted\"" #\a (quote (a "b")))
