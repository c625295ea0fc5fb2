class Worker:
    def __init__(self, name):
        self.name = name

    def greet(self):
        print("I am", self.nmae)


Worker("w1").greet()
