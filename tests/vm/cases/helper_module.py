VALUE = 42

def greet(who):
    return f"hello {who}"

if __name__ == "__main__":
    print("helper run directly")
