#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver, present only in a binary built with -sanitize=fuzzer (`make fuzz`).
/// SwiftPM links every executable with its own `main`, so the fuzz targets call this from
/// that `main` instead of relying on libFuzzer's.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
