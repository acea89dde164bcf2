#!/usr/bin/env python3
"""Decodes a QR code with zxing-cpp, an independent reader, for the QR tests.

Input: a text file whose lines are rows of modules, '#' dark and '.' light, quiet zone
included. Output: the decoded text on standard output (exit 0), or a reason (exit 1).
Exit 2 when the reader is not installed (the test then says to run `make test`).
"""
import sys

try:
    import numpy
    import zxingcpp
except ImportError as error:
    print(f"reference reader missing: {error}", file=sys.stderr)
    sys.exit(2)

SCALE = 6


def main() -> int:
    with open(sys.argv[1], encoding="ascii") as source:
        rows = [line.rstrip("\n") for line in source if line.strip()]
    image = numpy.array([[0 if cell == "#" else 255 for cell in row] for row in rows], dtype=numpy.uint8)
    image = numpy.kron(image, numpy.ones((SCALE, SCALE), dtype=numpy.uint8))
    found = zxingcpp.read_barcodes(image)
    codes = [code for code in found if code.format == zxingcpp.BarcodeFormat.QRCode]
    if len(codes) != 1:
        print(f"expected one QR code, found {len(codes)}", file=sys.stderr)
        return 1
    sys.stdout.write(codes[0].text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
