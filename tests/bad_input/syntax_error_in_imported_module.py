import _broken_module

print(_broken_module.VALUE)
