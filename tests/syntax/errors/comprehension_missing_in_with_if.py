x = [n for nin globals() if n]
