timeout = 60s
