for name in defer{red:
    try:
        pass
