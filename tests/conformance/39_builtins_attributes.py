# hasattr, getattr, setattr, callable, id (identity only), hash, chr, ord.
class Config:
    debug = False

    def __init__(self):
        self.level = 3

    def method(self):
        return "called"


cfg = Config()
print(hasattr(cfg, "level"), hasattr(cfg, "debug"), hasattr(cfg, "nope"))
print(getattr(cfg, "level"), getattr(cfg, "nope", "fallback"), getattr(cfg, "method")())
setattr(cfg, "level", 9)
setattr(cfg, "fresh", [1])
print(cfg.level, cfg.fresh)
delattr(cfg, "fresh")
print(hasattr(cfg, "fresh"))
print(callable(len), callable(cfg.method), callable(Config), callable(cfg), callable(3), callable(lambda: 0))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), id(cfg) == id(cfg))
print(hash("abc") == hash("abc"), hash(7), hash(True), hash((1, "x")) == hash((1, "x")))
print(chr(97), chr(8364), ord("A"), ord("€"), [ord(c) for c in "hi"])
print(getattr(str, "upper")("x"), getattr([3, 1], "index")(1))
try:
    getattr(cfg, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    (1).real = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.anything
except AttributeError as e:
    print("AttributeError:", e)
