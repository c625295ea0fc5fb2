# sys.exit(3) ends the script with exit code 3; finally blocks run on the way out.
import sys

print("exiting")
try:
    sys.exit(3)
finally:
    print("finally runs")
print("never printed")
