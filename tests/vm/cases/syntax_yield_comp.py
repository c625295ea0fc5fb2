def f():
    lst = [(yield x) for x in range(3)]
