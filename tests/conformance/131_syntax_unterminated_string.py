# An unterminated string literal.
print("never printed")
message = "hello
print(message)
