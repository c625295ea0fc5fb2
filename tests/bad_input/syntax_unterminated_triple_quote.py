x = 1
text = """never
closed
print(x)
