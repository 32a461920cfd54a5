#!/usr/bin/env python3
"""rencana: draws examples/lambang-contoh.png, the neutral emblem the
examples use as their cover logo (issue 12 item 9).

It is no real region's coat of arms: a navy shield with a white border, a
gold five-pointed star and three gold waves under it.  Drawn from geometry
alone (3 x 3 samples a pixel for smooth edges), written as an 8-bit RGB PNG
with the standard library's zlib: the same pixels on every run.

    python3 tools/emblem.py [OUT.png]     (default examples/lambang-contoh.png)
"""
import math
import struct
import sys
import zlib

W, H = 360, 400          # pixels; 45 mm wide on the cover: about 200 dpi
SS = 3                   # samples per pixel along each axis

NAVY = (31, 58, 95)
WHITE = (255, 255, 255)
GOLD = (214, 168, 48)


def shield(x, y, s):
    """Inside the shield scaled by s about its centre (x, y in 0..1)?"""
    cx, cy = 0.5, 0.5
    x = cx + (x - cx) / s
    y = cy + (y - cy) / s
    top, waist, point = 0.06, 0.56, 0.96
    if y < top or y > point:
        return False
    half = 0.42
    if y <= waist:
        return abs(x - 0.5) <= half
    t = (y - waist) / (point - waist)
    return abs(x - 0.5) <= half * math.cos(math.pi / 2 * t) ** 0.8


def star_polygon(cx, cy, r_out, r_in):
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


STAR = star_polygon(0.5, 0.36, 0.19, 0.075)


def in_polygon(x, y, pts):
    inside = False
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def colour(x, y):
    """The colour at (x, y), or None outside the emblem (white paper)."""
    if not shield(x, y, 1.0):
        return None
    if not shield(x, y, 0.90):
        return NAVY
    if not shield(x, y, 0.85):
        return WHITE
    if in_polygon(x, y, STAR):
        return GOLD
    for mid in (0.62, 0.69, 0.76):
        wave = mid + 0.014 * math.sin(2 * math.pi * 3 * (x - 0.5))
        if abs(y - wave) <= 0.014 and abs(x - 0.5) <= 0.27:
            return GOLD
    return NAVY


def pixel(px, py):
    acc = [0, 0, 0]
    for j in range(SS):
        for i in range(SS):
            x = (px + (i + 0.5) / SS) / W
            y = (py + (j + 0.5) / SS) / H
            c = colour(x, y) or WHITE
            for k in range(3):
                acc[k] += c[k]
    n = SS * SS
    return bytes((a + n // 2) // n for a in acc)


def chunk(kind, data):
    c = kind + data
    return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "examples/lambang-contoh.png"
    rows = bytearray()
    for py in range(H):
        rows.append(0)   # filter: none
        for px in range(W):
            rows += pixel(px, py)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9))
    png += chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
