# String literal forms: quotes, triple quotes, raw strings, escapes, adjacent literals.
a = 'single'; b = "double"
c = """triple
quoted"""
d = r"raw \n stays"
e = "tab\tnewline\\n quote\" apostrophe\' hex\x41 unicode\u00e9 \U0001F600"
f = ("adjacent " "literals " 'join')
g = "line \
continued"
print(a, b)
print(c)
print(d, len(d))
print(e)
print(f)
print(g)
print(repr(c), repr(d))
print('''it's "quoted"''')
total = (1 +
         2 +
         3)
print(total, [
    1,
    2,
], {"k":
    "v"})
print("\u2022", "\0" == "\x00", "\101")
