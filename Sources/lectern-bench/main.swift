// The benchmark driver; filled by `make bench` work.
print("no benchmarks yet")
