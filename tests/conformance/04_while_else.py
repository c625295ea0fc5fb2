# while with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while finished without break")

n = 0
while True:
    n += 1
    if n > 3:
        break
    pass
print("broke at", n)

k = 10
while k > 0:
    k -= 3
    if k == 4:
        print("found 4")
        break
else:
    print("no 4 found, k =", k)

count = 0
while count < 3:
    count += 1
else:
    print("else runs, count =", count)
