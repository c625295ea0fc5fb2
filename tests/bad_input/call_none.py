handler = None
handler()
