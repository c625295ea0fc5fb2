g(s, in
