if x:f():
    pass
