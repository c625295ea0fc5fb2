# Function decorators, decorators with arguments, @property, @staticmethod, @classmethod.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()

    return wrapper


def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]

        return wrapper

    return decorate


calls = []


def logged(func):
    def wrapper(*args):
        calls.append(func.__name__)
        return func(*args)

    return wrapper


@shout
def greet(name):
    return f"hello {name}"


@repeat(3)
@logged
def roll(n):
    return n * 2


print(greet("ann"), roll(4), calls)


class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def describe():
        return "temperatures in degrees"

    @classmethod
    def freezing(cls):
        return cls(0)


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
print(Temperature.describe(), t.describe(), Temperature.freezing().celsius)


class Boiling(Temperature):
    pass


print(type(Boiling.freezing()).__name__)
