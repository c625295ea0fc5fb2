# This script has nothing but comments.

# Not even a print.
