if x:
  if y:
z = 1
