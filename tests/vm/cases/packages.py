import pkg_demo.tools
print(pkg_demo.tools.tool(), pkg_demo.NAME)
from pkg_demo.tools import tool
import pkg_demo.tools as t
print(tool(), t.tool())
from pkg_demo import tools
print(tools is t)
