print('it's')
