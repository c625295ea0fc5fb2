name = "world"
print("hello " + name, len(name), name[1], name[-1], name[1:3])
print(f"{name!r} {name:>8}|{3.14159:.2f} {42:05d} {'x'}{1+1}")
print(f"{name=}")
w = 7
print(f"{w:{w}}|")
print("a,b,c".split(","), "-".join(["x", "y"]))
s = "abc"
s += "def"
print(s, s.upper(), "%s-%d" % ("q", 5))
print("b" in s, "z" not in s)
