print("before")
text = "x" * 10**13
print(len(text))
