# comment at top

x = (1 +
     2)
y = [
    1,
    2,
]
z = 1 + \
    2

def f():

    # comment in body
    a = 1
    
    return a   # trailing comment

if x:
	y = 1
	if y:
		z = 2
total = {
    'a': 1,  # comment
    'b': 2,
}
call(
    a,
    b=1,
)
