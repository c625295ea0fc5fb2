def greet(name):
    print("hello", name)


greet(nme="Ada")
