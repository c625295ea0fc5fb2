if x:
    pass
  y = "abc
