jobs = []
jobs.apend("first")
