class A:
    @classm