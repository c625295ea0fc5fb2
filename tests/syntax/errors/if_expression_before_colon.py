el if x:
    pass
