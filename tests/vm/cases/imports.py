import helper_module
from helper_module import greet, VALUE as V
print(helper_module.greet("x"), greet("y"), V)
print(helper_module.__name__)
try:
    import requests
except ModuleNotFoundError as e:
    print(type(e).__name__)
import nonexistent_module_xyz
