x = "global"
def show():
    return x
def shadow():
    x = "local"
    return x
print(show(), shadow(), x)

def make_adders():
    return [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in make_adders()])

def closures():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    return [f() for f in fns]
print(closures())

class K:
    a = 1
    b = [a * 2]
    def m(self):
        return a_global
a_global = "ag"
print(K.b, K().m())

def deleter():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(deleter())
