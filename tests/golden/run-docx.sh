#!/bin/sh
# rencana: `build --to docx` (issue 15), checked by a real consumer.  Every
# example and a plan of hostile text (tests/golden/docx/hostile.yaml) is
# built as PDF and as DOCX; then
#   - the DOCX is a ZIP whose parts come in the fixed order, with the
#     entry time of SOURCE_DATE_EPOCH, and every XML part is well-formed
#     (xmllint --noout, Debian's libxml2-utils); each entry of the contents
#     links to a bookmark at its heading;
#   - a second build gives the same bytes;
#   - LibreOffice (Debian's libreoffice-writer-nogui) converts all DOCX to
#     PDF in one run, and for each: the headings (the PDF outline, levels 1
#     and 2, read with qpdf --json) come in the same order with the same
#     words as in rencana's PDF; every table caption ("Tabel 2.1 ...") is
#     in the text (pdftotext) as often as in rencana's (the list of tables
#     and the caption), with as many tables in document.xml; every
#     figure caption ("Gambar 2.1 ...") likewise, one caption paragraph
#     (style KeteranganGambar) per figure; footnotes are Word footnotes
#     (footnotes.xml) numbered 1, 2, ... in the order of first reference,
#     their text in LibreOffice's PDF; the appendix labels (LAMPIRAN I)
#     as in rencana's text, each appendix on its own page; the tables
#     on landscape pages (mataram-pembinaan's matrix) the same; a signed
#     final document (tangsel-pengembangan) has the BSrE footer on every
#     page and QR codes that scan (zbarimg) to the PDF's addresses; the page of
#     every entry of the contents and of the list of tables (PAGEREF) is the
#     one rencana's PDF prints there; the paper is
#     the same (A4; F4 in tangsel-pengembangan, letter in the hostile
#     plan) within 1 pt; the page count
#     is within 15% of rencana's;
#   - the hostile plan's text comes through as text, its markup-like
#     characters escaped, not as markup (a footnote's too); its second
#     reference to a footnote is the number raised, not a second Word
#     footnote;
#   - `--to docx` refuses an invalid plan without writing (exit 1).
# Without soffice the LibreOffice checks fail (it is in tools/deps.sh TEST).
# Prints one line per failure and ends with "N passed, N failed".
# Usage: run-docx.sh PATH/TO/rencana   (VALGRIND=1: the builds under valgrind)
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL docx: $*"
	fail=$((fail + 1))
}

export SOURCE_DATE_EPOCH=1767225600	# 2026-01-01 00:00:00 UTC
plans="examples/*.yaml tests/golden/docx/hostile.yaml"
mkdir -p "$tmp/a" "$tmp/b" "$tmp/lo"
for y in $plans; do
	n=$(basename "$y" .yaml)
	run build "$y" -o "$tmp/a/$n.pdf" 2>"$tmp/err" &&
	    run build --to docx "$y" -o "$tmp/a/$n.docx" 2>>"$tmp/err" &&
	    "$RENCANA" build -d "$tmp/b" --to docx "$y" 2>>"$tmp/err"
	if [ $? != 0 ] || [ -s "$tmp/err" ]; then
		bad "$n: build failed: $(head -n 3 "$tmp/err")"
		continue
	fi
	cmp -s "$tmp/a/$n.docx" "$tmp/b/$n.docx" && ok ||
	    bad "$n: two builds differ"
done

# The container and its parts (python3's zipfile: no unzip needed).
python3 - "$tmp/a" <<'EOF' >"$tmp/zip.out" 2>&1 || bad "container: $(head -n 5 "$tmp/zip.out")"
import os, re, sys, zipfile
d = sys.argv[1]
order = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
         "docProps/app.xml", "word/document.xml", "word/styles.xml",
         "word/settings.xml", "word/numbering.xml", "word/header1.xml"]
for f in sorted(os.listdir(d)):
    if not f.endswith(".docx"):
        continue
    z = zipfile.ZipFile(os.path.join(d, f))
    names = z.namelist()
    if names[:len(order)] != order or names[-1] != "word/_rels/document.xml.rels":
        sys.exit("%s: parts out of order: %s" % (f, names))
    for i in z.infolist():
        if i.date_time != (2026, 1, 1, 0, 0, 0):
            sys.exit("%s: %s dated %s" % (f, i.filename, i.date_time))
    out = os.path.join(d, f[:-5] + ".parts")
    z.extractall(out)
    # every entry of the contents links to a bookmark at its heading
    doc = z.read("word/document.xml").decode()
    anchors = re.findall(r'w:anchor="([^"]*)"', doc)
    marks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]*)"', doc))
    if not anchors or set(anchors) - marks or len(set(anchors)) != len(anchors):
        sys.exit("%s: %d links, %d bookmarks, unmatched %s" % (f, len(anchors),
            len(marks), sorted(set(anchors) - marks)[:3]))
EOF
[ -s "$tmp/zip.out" ] || ok
nxml=0
for f in "$tmp"/a/*.parts/*.xml "$tmp"/a/*.parts/*/*.xml \
    "$tmp"/a/*.parts/*/*.rels "$tmp"/a/*.parts/*/*/*.rels; do
	[ -e "$f" ] || continue
	nxml=$((nxml + 1))
	xmllint --noout "$f" 2>"$tmp/err" || bad "not well-formed: ${f#"$tmp"/a/}: $(head -n 2 "$tmp/err")"
done
[ "$nxml" -ge 60 ] && ok || bad "only $nxml XML parts found"

# The hostile plan's words are text in document.xml, escaped.
doc="$tmp/a/hostile.parts/word/document.xml"
if [ -f "$doc" ]; then
	core="$tmp/a/hostile.parts/docProps/core.xml"
	grep -q '>&lt;w:p&gt;&lt;/w:t&gt;&lt;w:r&gt;<' "$doc" &&
	    grep -q '>, ]]&gt;, <' "$doc" && grep -q '>, A &amp; B dan <' "$doc" &&
	    grep -q '<dc:title>Rencana &lt;w:p&gt;&lt;/w:t&gt; ]]&gt; A &amp;amp; B' "$core" &&
	    grep -q '>&lt;/w:footnote&gt;&lt;w:p&gt;<' "$tmp/a/hostile.parts/word/footnotes.xml" &&
	    grep -q '> ]]&gt; C &amp; D tetap teks.<' "$tmp/a/hostile.parts/word/footnotes.xml" &&
	    [ "$(grep -o '<w:footnoteReference w:id="1"/>' "$doc" | wc -l)" = 1 ] &&
	    grep -q 'Sekali lagi.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="RefCatatanKaki"/></w:rPr><w:t>1</w:t>' "$doc" &&
	    ok ||
	    bad "hostile: the markup-like text is not escaped as expected"
else
	bad "hostile: no document.xml"
fi

# LibreOffice: all documents in one run.  VALGRIND is unset for it: under
# `make valgrind` it names the tool, and soffice's script would run itself
# under valgrind with it.
if command -v soffice >/dev/null 2>&1; then
	HOME="$tmp" timeout 300 env -u VALGRIND soffice --headless --norestore \
	    "-env:UserInstallation=file://$tmp/lo-profile" --convert-to pdf \
	    --outdir "$tmp/lo" "$tmp"/a/*.docx >"$tmp/lo.log" 2>&1
	python3 - "$tmp/a" "$tmp/lo" <<'EOF' >"$tmp/cmp.out" 2>&1
import html, json, os, re, subprocess, sys
a, lo = sys.argv[1], sys.argv[2]

def outline(pdf):
    j = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines",
        pdf], capture_output=True, text=True).stdout)
    out = []
    def walk(o, lvl):
        for x in o:
            if lvl <= 2:
                out.append((lvl, " ".join(x["title"].split())))
            walk(x.get("kids", []), lvl + 1)
    walk(j["outlines"], 1)
    return out

def text(pdf):
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
        text=True).stdout

def info(pdf):
    return subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout

def pages(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", info(pdf), re.M).group(1))

def size(pdf):
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info(pdf), re.M)
    return float(m.group(1)), float(m.group(2))

for f in sorted(os.listdir(a)):
    if not f.endswith(".pdf"):
        continue
    n = f[:-4]
    ours, theirs = os.path.join(a, f), os.path.join(lo, f)
    if not os.path.exists(theirs):
        print("%s: LibreOffice made no PDF" % n)
        continue
    o1, o2 = outline(ours), outline(theirs)
    if o1 != o2 or not o1:
        print("%s: headings differ (rencana %d, LibreOffice %d)" % (n, len(o1), len(o2)))
        for x, y in zip(o1, o2):
            if x != y:
                print("  first: %r / %r" % (x, y))
                break
    else:
        print("PASS")
    t1, t2 = text(ours), text(theirs)
    caps = sorted(set(re.findall(r"Tabel (?:\d+|[IVXLC]+)\.\d+", t1)))
    doc = open(os.path.join(a, n + ".parts", "word", "document.xml")).read()
    miss = [c for c in caps if t2.count(c) != t1.count(c)]
    if miss:
        print("%s: captions missing or extra in LibreOffice's text: %s" % (n, miss[:5]))
    elif doc.count("<w:tbl>") < len(caps):
        print("%s: %d captions, %d tables" % (n, len(caps), doc.count("<w:tbl>")))
    else:
        print("PASS")
    # figure captions ("Gambar 2.1 ..."), each under a picture or a chart's
    # table, as often as in rencana's PDF (the list of figures and the caption)
    figs = sorted(set(re.findall(r"Gambar (?:\d+|[IVXLC]+)\.\d+", t1)))
    miss = [c for c in figs if t2.count(c) != t1.count(c)]
    ncap = doc.count('<w:pStyle w:val="KeteranganGambar"/>')
    if miss:
        print("%s: figure captions missing or extra in LibreOffice's text: %s" % (n, miss[:5]))
    elif ncap != len(figs):
        print("%s: %d figures in rencana's PDF, %d figure captions in document.xml" % (n, len(figs), ncap))
    else:
        print("PASS")
    # footnotes: Word footnotes numbered 1, 2, ... in the order of first
    # reference (as the PDF numbers them), each with its text in
    # LibreOffice's PDF, and as many as rencana's PDF has
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', doc)
    fpath = os.path.join(a, n + ".parts", "word", "footnotes.xml")
    notes = []
    if os.path.exists(fpath):
        for m in re.finditer(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>',
                open(fpath).read()):
            notes.append((m.group(1), html.unescape("".join(re.findall(
                r"<w:t[^>]*>([^<]*)</w:t>", m.group(2))))))
    flat = lambda t: " ".join(t.replace("\u00ad", "").replace("-\n", "").split())
    if refs != [str(i + 1) for i in range(len(refs))] or [x[0] for x in notes] != refs:
        print("%s: footnote references %s, footnotes %s" % (n, refs[:6], [x[0] for x in notes][:6]))
    elif [x for x in notes if flat(x[1])[:40] not in flat(t2)]:
        print("%s: a footnote's text is not in LibreOffice's PDF" % n)
    elif ("[^" in open("examples/%s.yaml" % n).read() if os.path.exists("examples/%s.yaml" % n) else False) and not refs:
        print("%s: the plan has footnotes, the DOCX none" % n)
    else:
        print("PASS")
    # appendices: each label ("LAMPIRAN I", in the contents and at the
    # head or heading) as often in LibreOffice's text as in rencana's, and
    # each appendix on a page of its own (a page break before it)
    labs = re.findall(r"(?m)^LAMPIRAN [IVXLC]+\b", t1)
    if labs != re.findall(r"(?m)^LAMPIRAN [IVXLC]+\b", t2):
        print("%s: appendix labels differ: %s / %s" % (n, labs[:4],
            re.findall(r"(?m)^LAMPIRAN [IVXLC]+\b", t2)[:4]))
    elif [p for p in t2.split("\f") if len(re.findall(r"(?m)^LAMPIRAN [IVXLC]+\b", p)) > 1 and "DAFTAR ISI" not in p]:
        print("%s: two appendices on one page" % n)
    else:
        print("PASS")
    # landscape pages: the table captions on them are the same in both
    # (a landscape section in Word for each table the PDF turns)
    def land_caps(pdf, t):
        o = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf],
            capture_output=True, text=True).stdout
        land = set(int(m.group(1)) for m in re.finditer(
            r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", o)
            if float(m.group(2)) > float(m.group(3)))
        pgs = t.split("\f")
        return sorted(set(c for i in land if i <= len(pgs)
            for c in re.findall(r"(?m)^Tabel (?:\d+|[IVXLC]+)\.\d+", pgs[i - 1])))
    l1, l2 = land_caps(ours, t1), land_caps(theirs, t2)
    if l1 != l2:
        print("%s: tables on landscape pages: rencana %s, LibreOffice %s" % (n, l1, l2))
    else:
        print("PASS")
    # a signed final document (rencana-tte): the BSrE footer on every
    # page, and the verification QR codes scan (zbarimg, zbar-tools) to
    # the same addresses as in rencana's PDF
    if "BSrE" in t1:
        def qrs(pdf):
            d = pdf + ".qr"
            os.makedirs(d, exist_ok=True)
            subprocess.run(["pdftoppm", "-r", "100", "-png", pdf, d + "/p"])
            out = []
            for f in sorted(os.listdir(d)):
                r = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(d, f)],
                    capture_output=True, text=True).stdout.split()
                out += r
            return out
        pg2 = [p for p in t2.split("\f") if p.strip()]
        q1, q2 = qrs(ours), qrs(theirs)
        if len([p for p in pg2 if "BSrE" in p]) != pages(theirs):
            print("%s: the BSrE footer on %d of %d pages" % (n,
                len([p for p in pg2 if "BSrE" in p]), pages(theirs)))
        elif q1 != q2 or not q1:
            print("%s: QR codes: rencana %s, LibreOffice %s" % (n, q1, q2))
        else:
            print("PASS")
    else:
        print("PASS")
    # the pages the contents and the list of tables show: the PDF's
    # (dotted lines ending in a page label) and the DOCX's PAGEREF values
    want = re.findall(r"\.{4,}\s*([ivxlc]+|\d+)\s*$", subprocess.run(["pdftotext",
        "-layout", ours, "-"], capture_output=True, text=True).stdout, re.M)
    got = re.findall(r"PAGEREF _Toc[RTG]\d+ \\h </w:instrText>.*?"
        r"<w:t xml:space=\"preserve\">([^<]*)</w:t>", doc)
    if want != got or not got:
        print("%s: contents' pages differ: PDF %s, DOCX %s" % (n, want[:6], got[:6]))
    else:
        print("PASS")
    (w1, h1), (w2, h2) = size(ours), size(theirs)
    if abs(w1 - w2) > 1 or abs(h1 - h2) > 1:
        print("%s: paper %.0f x %.0f pt in LibreOffice, %.0f x %.0f in rencana's PDF" % (n, w2, h2, w1, h1))
    else:
        print("PASS")
    p1, p2 = pages(ours), pages(theirs)
    if abs(p2 - p1) > 0.15 * p1:
        print("%s: %d pages in LibreOffice, %d in rencana's PDF" % (n, p2, p1))
    else:
        print("PASS")
EOF
	np=$(grep -c '^PASS$' "$tmp/cmp.out")
	pass=$((pass + np))
	grep -v '^PASS$' "$tmp/cmp.out" | while IFS= read -r l; do
		echo "FAIL docx: $l"
	done
	nf=$(grep -vc '^PASS$' "$tmp/cmp.out")
	fail=$((fail + nf))
	[ "$np" -ge 60 ] || bad "LibreOffice: $np checks passed of 60: $(tail -n 3 "$tmp/lo.log")"
else
	bad "soffice not found (tools/deps.sh --test installs libreoffice-writer-nogui)"
fi

# An invalid plan: exit 1, nothing written.
printf 'format: rencana/1\n' >"$tmp/bad.yaml"
run build --to docx "$tmp/bad.yaml" -o "$tmp/bad.docx" 2>/dev/null
st=$?
[ "$st" = 1 ] && [ ! -e "$tmp/bad.docx" ] && ok ||
    bad "invalid plan: exit $st, output $(ls "$tmp/bad.docx" 2>/dev/null)"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
