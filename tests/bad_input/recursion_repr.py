class Node:
    def __repr__(self):
        return "Node(" + repr(self) + ")"


print(Node())
