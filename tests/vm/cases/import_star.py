from helper_module import *
print(greet("star"), VALUE)
import helper_module as hm
print(hm.VALUE)
from helper_module import missing_name
