# sys.argv holds the script as it was given; sys.platform.
import sys

print(sys.argv, len(sys.argv), sys.platform)
print(sys.stdout is sys.stdout, sys.stderr is not sys.stdout)
