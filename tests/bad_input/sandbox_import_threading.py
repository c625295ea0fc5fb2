import threading

t = threading.Thread(target=print)
