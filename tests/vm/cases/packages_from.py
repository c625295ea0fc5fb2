from pkg_demo import tools
print(tools.tool())
from pkg_demo import nothing_here
