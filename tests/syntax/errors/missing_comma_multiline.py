x = foo(a,
 b c)
