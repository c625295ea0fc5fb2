# Common str methods.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.upper(), t.lower(), t.title(), "hello world".capitalize())
print(t.split(", "), "a b  c".split(), "a,b,,c".split(","), "a b c".split(" ", 1))
print("a-b-c".rsplit("-", 1), "line1\nline2\n".splitlines())
print("-".join(["x", "y", "z"]), "".join(reversed("abc")))
print(t.startswith("Hell"), t.endswith("!"), t.startswith(("x", "H")))
print(t.find("o"), t.rfind("o"), t.find("z"), t.index("W"), t.count("l"))
print(t.replace("l", "L"), t.replace("l", "L", 1))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print("123".isdigit(), "abc".isalpha(), "ab1".isalnum(), "  ".isspace(), "ABC".isupper(), "abc".islower())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print(len("héllo"), "héllo"[1], "日本語"[::-1], len("日本語"))
print("ab" * 3, "a" + "b", "ell" in "hello", "z" not in "hello")
print("abc" < "abd", "Z" < "a", "abc" == "abc", min("bca"), max(["b", "a"]))
print(t[0], t[-1], t[2:5], t[::2], t[::-1])
print(str(3.5), str([1, "a"]), str(None), str(True))
print("Tab\there", repr("quote's"), repr('dq"'), repr("both'\""), repr("new\nline"), repr("\\"))
print("%s" % "x", "{}".format("y"), ord("a"), chr(65), chr(0x263A))
try:
    t.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"[10]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
print("x".join("abc"), "Mississippi".count("ss"), "aaa".replace("a", "bb"))
print(",".join(str(n) for n in range(4)))
