# printf-style % formatting.
print("%s is %d years" % ("Ann", 30))
print("%r %s" % ("q", "q"))
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%.2f %8.3f %-8.1f| %e %g" % (3.14159, 2.5, 1.25, 12345.678, 0.0001))
print("%x %X %o %c" % (255, 255, 8, 65))
print("%%d literal and %s" % "value")
print("%(name)s has %(count)d" % {"name": "box", "count": 3})
print("single %s" % 5, "tuple %s" % ((1, 2),))
print("%+d %+d % d" % (5, -5, 5))
print("%i %.0f %.1f %s" % (7, 2.5, 0.05, [1, 2]))
print("%10s|%-10s|" % ("right", "left"))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
