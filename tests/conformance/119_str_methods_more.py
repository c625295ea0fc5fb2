# More str behaviour: split/strip variants, find ranges, counting, joining, case, tests.
s = "  a,b,,c  "
print(s.split(","), s.strip().split(",", 2), " x  y ".split(" "), "a\tb\nc  d".split())
print("a b c".rsplit(None, 1), "a,b,c".rsplit(",", maxsplit=1), "".split(), "".split(","))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "abcba".strip("ab"))
print("hello".find("l", 3), "hello".find("l", 4), "hello".rfind("l", 0, 3), "hello".index("e", 0, 2))
print("aaaa".count("aa"), "banana".count("a", 2), "".count(""), "abc".count(""))
print("a\nb\r\nc\n".splitlines(), "a\nb\n".splitlines(True), "no newline".splitlines())
print("hello world".title(), "it's ok".title(), "HeLLo".swapcase())
print("12".isdigit(), "1.5".isdigit(), "".isdigit(), "abc".isalpha(), "ab c".isalpha(), "Ab".istitle())
print("   ".isspace(), "".isspace(), "ABC1".isupper(), "abc!".islower(), "x1_".isidentifier())
print("a-b_c d".replace("-", " ").replace("_", " ").split(), "abc".replace("", "-"))
print("tab\tsep".expandtabs(4), "%".join("abc"), ", ".join(map(str, [1, 2, 3])))
print("abc" * 0, "-" * 10, "ab" < "abc", "B" < "a", "é" > "z", sorted(["b", "A", "a", "B"]))
print("hello"[1:4:2], "hello"[-3:], "hello"[::-2], "hello"[100:], "hello"[-100:2])
print("x".center(4, "*"), "x".center(5, "*"), "ab".center(5), "abc".zfill(6), "+7".zfill(4))
print("Hello".startswith("ell", 1), "Hello".endswith("ll", 0, 4), "Hello".startswith(()))
print("a,b".partition(","), "a,b".partition(";"), "a,b,c".rpartition(","), "abc".rpartition("x"))
print(str.upper("x"), "Done".lower().capitalize())
print(len("naïve café"), "naïve café".upper(), "naïve"[2], ord("ï"))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
