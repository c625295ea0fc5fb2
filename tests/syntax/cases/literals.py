"""Module docstring."""
0
42
1_000_000
0x1F
0XfF
0o17
0b1011
0b_1
3.14
1_000.5
.5
5.
1e10
1.5e-3
2E+5
1e100
0.1
100.0
1e16
1e-05
0.0001
123456789.123
'single'
"double"
'''triple
single'''
"""triple
double"""
r'raw\n'
R"raw\t"
'escapes \n \t \\ \' \" \x41 \u00e9 \U0001F40D \101 \0'
'it\'s'
"say \"hi\""
'both \' and "'
'concat' "enated" '''strings'''
'line\
continued'
b'bytes'
b"\x00\xff"
rb'\d+'
'unicode é ü 日本'
'\N{BULLET} \N{EM DASH}'
'bell \a back \b form \f vtab \v cr \r'
'\N{snake} \N{latin small letter a}'
