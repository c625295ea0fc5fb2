class Greeter:
def hello(self):
    pass
