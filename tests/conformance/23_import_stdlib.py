# Importing the native modules in every form.
import math
import math as m
from math import sqrt, pi as PI
import sys
import random as rnd
import time
import asyncio
from asyncio import sleep, Queue

print(math.sqrt(16), m.floor(2.5), sqrt(9.0), round(PI, 4))
print(type(sys).__name__, sys.__name__)
rnd.seed(1)
print(rnd.randint(1, 100))
print(callable(time.sleep), callable(sleep), Queue.__name__)
print(asyncio.sleep is sleep)
