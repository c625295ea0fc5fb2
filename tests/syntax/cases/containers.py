[]
[1, 2, 3]
[1, 2, 3,]
()
(1,)
(1, 2)
{}
{1: 2, 'a': 'b'}
{**a, 'b': 1, **c}
{1, 2}
{*a, *b}
[*a, *b]
(*a, *b)
[x * 2 for x in range(10)]
[x for x in data if x if x > 2]
[(x, y) for x in a for y in b if x != y]
{x for x in s}
{k: v for k, v in pairs}
(x for x in y)
[await x async for x in aiter()]
