x = '\xzz'
