#!/usr/bin/env python3
"""Draws examples/gambar/siklus-pengembangan.png, the image figure of
examples/mataram-pengembangan.yaml: the competence development cycle as
four boxes joined by arrows (analysis, planning, implementation,
evaluation), in grays that print in black and white.  Deterministic: the
same bytes on every run (zlib level 9, no time stamp chunk).  The words
are in the figure's caption, not in the picture, so the text stays text.

Usage: python3 tools/make-example-figure.py [OUT.png]
"""
import struct
import sys
import zlib

W, H = 600, 300


def png(pixels, w, h):
    raw = b"".join(b"\x00" + bytes(pixels[y * w:(y + 1) * w]) for y in range(h))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    px = [255] * (W * H)

    def rect(x0, y0, x1, y1, g):
        for y in range(max(0, y0), min(H, y1)):
            for x in range(max(0, x0), min(W, x1)):
                px[y * W + x] = g

    def box(cx, cy, g):
        rect(cx - 92, cy - 42, cx + 92, cy + 42, 0)
        rect(cx - 89, cy - 39, cx + 89, cy + 39, g)

    def arrow_h(x0, x1, y):
        rect(min(x0, x1), y - 2, max(x0, x1), y + 2, 0)
        d = 1 if x1 > x0 else -1
        for i in range(1, 13):
            rect(x1 - d * i, y - i, x1 - d * i + 1, y + i + 1, 0)

    def arrow_v(x, y0, y1):
        rect(x - 2, min(y0, y1), x + 2, max(y0, y1), 0)
        d = 1 if y1 > y0 else -1
        for i in range(1, 13):
            rect(x - i, y1 - d * i, x + i + 1, y1 - d * i + 1, 0)

    box(130, 70, 90)      # analisis kebutuhan
    box(470, 70, 150)     # perencanaan
    box(470, 230, 200)    # pelaksanaan
    box(130, 230, 235)    # evaluasi
    arrow_h(222, 376, 70)
    arrow_v(470, 112, 186)
    arrow_h(378, 224, 230)
    arrow_v(130, 188, 114)
    out = sys.argv[1] if len(sys.argv) > 1 else \
        "examples/gambar/siklus-pengembangan.png"
    with open(out, "wb") as f:
        f.write(png(px, W, H))


if __name__ == "__main__":
    main()
