# import x, import x as y, from x import y of a module beside the script.
import helpers_mod
import helpers_mod as hm
from helpers_mod import add, Shape as Polygon, GREETING

print(helpers_mod.GREETING)
print(hm is helpers_mod)
print(add(2, 3), hm.add("a", "b"))
print(Polygon(4), GREETING)
print(helpers_mod.bump(), hm.bump(), helpers_mod.counter)
print(type(helpers_mod).__name__, helpers_mod.__name__)
import helpers_mod  # a second import reuses the cached module (no second print)

print(helpers_mod.counter)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from helpers_mod import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
