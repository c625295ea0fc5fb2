print([x for xin items])
