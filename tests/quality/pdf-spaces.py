#!/usr/bin/env python3
"""rencana: word-space ratios of justified lines in any PDF (Typst's, for
docs/layout.md "Quality"), from `pdftotext -bbox-layout` output.
A line is justified when it ends within 0.5 pt of its block's right edge and
is not the block's last line; its spaces are the gaps between its words,
divided by the font's natural space (NAT_PT, pt).  Approximate: pdftotext's
word boxes include side bearings.
Usage: pdf-spaces.py FILE.html NAT_PT"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
nat = float(sys.argv[2])
bins = {"<0.8": 0, "0.8-1.5": 0, "1.5-2": 0, ">2": 0}
over = 0
for block in re.findall(r"<block[^>]*>(.*?)</block>", text, re.S):
    lines = re.findall(r"<line[^>]*>(.*?)</line>", block, re.S)
    boxes = []
    for ln in lines:
        ws = [tuple(float(v) for v in m) for m in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', ln)]
        boxes.append(ws)
    if len(boxes) < 2:
        continue
    right = max(w[-1][1] for w in boxes if w)
    for ws in boxes[:-1]:
        if len(ws) < 2 or right - ws[-1][1] > 0.5:
            continue
        gaps = [ws[i + 1][0] - ws[i][1] for i in range(len(ws) - 1)]
        r = sum(gaps) / len(gaps) / nat
        k = "<0.8" if r < 0.795 else "0.8-1.5" if r <= 1.505 else \
            "1.5-2" if r <= 2.005 else ">2"
        bins[k] += 1
n = sum(bins.values())
print("justified %d  " % n + "  ".join("%s %d" % kv for kv in bins.items()) +
      "  in-range %.1f%%" % (100.0 * bins["0.8-1.5"] / max(n, 1)))
