assert[t source.done()
if x:
    pass
