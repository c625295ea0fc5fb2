"""Helpers the lessons import (`from lib.fake_http import ClientSession`).

CPython puts a script's own folder first on sys.path, so `lib` resolves to this package when a
lesson runs from any working directory.
"""
