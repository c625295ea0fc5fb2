with lock # comment
    pass
