def tool():
    return "tool!"
