import sys
sys.setrecursionlimit(1000000)


class Node:
    def __repr__(self):
        return "Node(" + repr(self) + ")"


print(Node())
