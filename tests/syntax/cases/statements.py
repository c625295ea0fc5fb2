if x:
    pass
elif y:
    pass
else:
    pass

if __name__ == "__main__":
    main()

while True:
    break
else:
    continue

for i in range(10):
    if i % 2:
        continue
else:
    pass

for a, b in pairs:
    print(a, b)

for (a, b) in pairs: pass

del x
del x, y[0], z.attr
del (a, b)
del [c, d]
assert x
assert x, "message"
global g
global g1, g2
nonlocal n
raise
raise ValueError("bad")
raise ValueError from err
return
return 1
return 1, 2
return *a, b
import os
import os.path
import os.path as osp, sys
from os import path
from os import path as p, sep
from os import (path, sep,)
from . import sibling
from .. import parent
from .module import name
from ...pkg.mod import x as y
from mod import *
x = 1; y = 2;
pass
