x = "ok"
y = (1 2)
