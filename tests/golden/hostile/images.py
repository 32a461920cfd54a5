#!/usr/bin/env python3
# rencana: writes the odd but valid images of run-hostile.sh into a folder
# (python3's standard library only: no imaging package is needed).
#   rgb-trns.png     8-bit RGB with a tRNS colour key (libharu: 0x1025)
#   rgba16.png       16-bit RGBA, half transparent
#   pal-trns.png     palette with per-entry alpha (tRNS)
#   interlaced.png   Adam7-interlaced 8-bit RGB
#   icc.png          8-bit grey with an iCCP chunk (a made-up profile)
#   gray-alpha.png   8-bit grey + alpha
#   tall.png         1 x 10000 pixels
#   exif.jpg         an 8x8 grey baseline JPEG with an EXIF APP1 segment and
#                    a COM segment, each holding the word MARKER below
# Usage: images.py DIR
import struct
import sys
import zlib

MARKER = b"RAHASIA-EXIF-7731"


def chunk(kind, data):
    c = kind + data
    return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c))


def png(path, w, h, depth, ctype, rows, extra=(), interlace=0):
    ihdr = struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace)
    raw = b"".join(b"\0" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr))
        for kind, data in extra:
            f.write(chunk(kind, data))
        f.write(chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def adam7(w, h, px):
    """Rows of the seven Adam7 passes of 3-byte pixels px[y][x]."""
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
              (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    rows = []
    for x0, y0, dx, dy in passes:
        for y in range(y0, h, dy):
            r = b"".join(px[y][x] for x in range(x0, w, dx))
            if r:
                rows.append(r)
    return rows


def jpeg(path):
    seg = lambda m, data: b"\xff" + bytes([m]) + struct.pack(">H", len(data) + 2) + data
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    out += seg(0xE1, b"Exif\0\0" + b"MM\0*\0\0\0\x08" + MARKER)
    out += seg(0xFE, MARKER + b" comment")
    out += seg(0xDB, b"\0" + b"\x01" * 64)                 # all-ones table
    out += seg(0xC0, b"\x08\0\x08\0\x08\x01\x01\x11\0")    # 8x8, 1 component
    out += seg(0xC4, b"\x00" + b"\x01" + b"\0" * 15 + b"\x00")  # DC: 0 -> '0'
    out += seg(0xC4, b"\x10" + b"\x01" + b"\0" * 15 + b"\x00")  # AC: EOB -> '0'
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += b"\x3f"          # DC difference 0, then end of block; 1-padded
    out += b"\xff\xd9"
    with open(path, "wb") as f:
        f.write(out)


def main(d):
    w = h = 16
    rgb = [[bytes((x * 16, y * 16, 128)) for x in range(w)] for y in range(h)]
    png(d + "/rgb-trns.png", w, h, 8, 2, [b"".join(r) for r in rgb],
        [(b"tRNS", struct.pack(">HHH", 0, 0, 128))])
    png(d + "/rgba16.png", w, h, 16, 6,
        [b"".join(struct.pack(">HHHH", x * 4096, y * 4096, 30000,
                              65535 if x < 8 else 20000) for x in range(w))
         for y in range(h)])
    png(d + "/pal-trns.png", w, h, 8, 3,
        [bytes((x + y) % 4 for x in range(w)) for y in range(h)],
        [(b"PLTE", bytes((255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0))),
         (b"tRNS", bytes((255, 128, 0, 255)))])
    png(d + "/interlaced.png", w, h, 8, 2, adam7(w, h, rgb), interlace=1)
    png(d + "/icc.png", w, h, 8, 0, [bytes(x * 16 for x in range(w))] * h,
        [(b"iCCP", b"made-up\0\0" + zlib.compress(b"not a real profile" * 8))])
    png(d + "/gray-alpha.png", w, h, 8, 4,
        [b"".join(bytes((x * 16, y * 16)) for x in range(w)) for y in range(h)])
    png(d + "/tall.png", 1, 10000, 8, 0, [b"\x80"] * 10000)
    jpeg(d + "/exif.jpg")


if __name__ == "__main__":
    main(sys.argv[1])
