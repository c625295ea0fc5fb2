# An IndentationError is a SyntaxError: reported before running, exit code 1.
def broken():
    print("never printed")
      print("over-indented")
