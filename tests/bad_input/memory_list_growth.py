rows = []
while True:
    rows.append([0] * 1000)
