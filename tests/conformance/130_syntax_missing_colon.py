# A missing colon: SyntaxError "expected ':'", exit code 1.
print("never printed")
for i in range(3)
    print(i)
