#!/usr/bin/python3
"""rencana: a 100x variant of the peer document (about 850 pages), to
compare rencana with Typst past 100 pages (docs/performance.md).  The
peer material is not in this repository.  Usage:

    python3 bench/peer-100x.py PEER

writes PEER/typst/plan-100x.yaml (the peers' data: the 8 chapters repeated
100 times, as the peer's make_variants.py repeats them 10 times, and a
500-row indicator table, not 3,000: a rencana plan's value holds at most
64 KiB) and PEER/rencana/plans/plan-100x.yaml (the same as a rencana plan,
converted by the peer's make_rencana_plans.py).  bench/peer.sh measures
it when both files exist."""
import copy, os, sys
import yaml

REPEAT, ROWS = 100, 500

def num(s, delta):
    """an Indonesian number string ('71,4', '262') shifted by delta"""
    if "," in s:
        return ("%.1f" % (float(s.replace(",", ".")) + delta)).replace(".", ",")
    return str(int(s) + int(round(delta * 10)))

def main():
    if len(sys.argv) != 2:
        sys.exit("usage: peer-100x.py PEER")
    peer = sys.argv[1]
    base = yaml.safe_load(open(os.path.join(peer, "typst", "plan.yaml"),
                               encoding="utf-8"))
    big = copy.deepcopy(base)
    big["bab"] = []
    for k in range(1, REPEAT + 1):
        for bab in base["bab"]:
            b = copy.deepcopy(bab)
            if k > 1:
                b["judul"] = "%s (Bagian %d)" % (bab["judul"], k)
                b["isi"] = [x for x in b["isi"] if "tabel" not in x]
            big["bab"].append(b)
    rows = []
    for i in range(ROWS):
        r = dict(base["indikator"][i % 12])
        grp = i // 12
        r["nomor"] = str(i + 1)
        if grp:
            r["nama"] = "%s pada Perangkat Daerah %d" % (r["nama"], grp + 1)
            for key in ("b2025", "t2026", "t2028", "t2030"):
                r[key] = num(r[key], grp * 0.1)
        rows.append(r)
    big["indikator"] = rows
    src = os.path.join(peer, "typst", "plan-100x.yaml")
    with open(src, "w", encoding="utf-8") as f:
        yaml.safe_dump(big, f, allow_unicode=True, sort_keys=False,
                       width=100000)
    sys.path.insert(0, os.path.join(peer, "rencana"))
    import make_rencana_plans
    make_rencana_plans.convert(src, os.path.join(peer, "rencana", "plans",
                                                 "plan-100x.yaml"))
    print("ok")

if __name__ == "__main__":
    main()
