# return outside a function is a compile-time SyntaxError.
print("never printed")
return 5
