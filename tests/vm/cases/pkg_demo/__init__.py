print("pkg_demo init")
NAME = "pkg"
