print("before")
raise SystemExit("fatal: message")
