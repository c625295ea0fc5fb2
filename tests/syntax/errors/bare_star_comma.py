def f(*, ,):
    pass
