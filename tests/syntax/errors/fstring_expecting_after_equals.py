s = f"{s, laddr={laddr}"
