try:
    pass
except IndexError ,as e:
    pass
