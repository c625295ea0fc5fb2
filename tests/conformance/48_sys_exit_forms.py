# SystemExit can be caught; sys.exit("message") prints it on stderr and exits with 1.
import sys

try:
    sys.exit()
except SystemExit as e:
    print("caught, code:", e.code)
try:
    sys.exit(0)
except SystemExit as e:
    print("caught, code:", e.code)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught raise, code:", e.code)
print("now exiting with a message")
sys.exit("fatal: giving up")
