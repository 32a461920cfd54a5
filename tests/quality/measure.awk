# rencana: typesetting measures over a page dump (`rencana build --to pages`,
# docs/layout.md "Dump format"), one document per run.  Reads the `line`
# and `table` records and prints one line of figures:
#   lines N just J overfull O r<0.67 V r<0.8 A r0.8-1.5 B r1.5-2 C r>2 D
#   in-range P% ragged G hy3 H oneword W widow X orphan Y headfoot Z tsplit T
#   tabhy K
# Line kinds: p body, h heading, c cell, k caption, f footnote, o other.
# overfull: lines wider than their measure by more than 0.05 pt.
# r: set / natural word space of justified lines with a space (r<0.67
#   counts those under 2/3 too, which r<0.8 includes).
# ragged: lines of a justified paragraph set ragged (emergency).
# hy3: runs of three or more hyphenated lines in a row.
# oneword: last lines of a paragraph of two or more lines holding one word.
# widow / orphan: a body paragraph's last line alone at a page head / its
#   first line alone at a page foot.
# headfoot: a heading that is the last text line of its page (unless the
#   next page starts with a heading: an empty section before a chapter).
# tsplit: table pieces breaking the split rules (fewer than two body rows
#   on a side, the total row alone, a short table split).
# tabhy: table cell lines ending in a hyphen.  layout_table.c hyphenates a
#   column only when its widest word does not fit it, after the other
#   columns gave it what they can spare (issue 13), so in the examples
#   this is a word broken while another column had room.
# Usage: awk -f measure.awk [-v name=NAME] FILE.pages
function flush_page(   k) {
	# judged at the next page's first line: a heading there (a new
	# chapter after an empty section) leaves nothing to keep
	pendfoot = npl > 0 && pk[npl] == "h"
	if (npl > 0 && pk[npl] == "p" && (pf[npl] ~ / first/) && !(pf[npl] ~ / last/))
		orphan++
	npl = 0
}
/^page / { flush_page(); page++; firstp = 1; next }
/^  line / {
	kind = $2; w = $6; of = $8; sp = $12; r = $14
	flags = ""
	for (i = 15; i <= NF; i++) flags = flags " " $i
	lines++
	# footnote lines (kind f) are set after the page's text: they are
	# measured like any line, but take no part in what ends a page
	if (kind != "f") {
		if (pendfoot && kind != "h") { headfoot++; if (verbose) print "heading at the foot of p." page - 1 }
		pendfoot = 0
		npl++; pk[npl] = kind; pf[npl] = flags
	}
	if (w > of + 0.05) { overfull++; if (verbose) print "overfull p." page ": " $0 }
	if (kind == "p" && firstp) {
		if ((flags ~ / last/) && !(flags ~ / first/)) widow++
		firstp = 0
	}
	if (flags ~ / just/ && sp > 0) {
		just++
		if (r < 0.66) { vlo++; if (verbose) print "tight p." page ": " $0 }
		if (r < 0.795) lo++
		else if (r <= 1.505) mid++
		else if (r <= 2.005) hi++
		else { vhi++; if (verbose) print "loose p." page ": " $0 }
	}
	if (flags ~ / first/) hrun = 0
	if (flags ~ / hy/) { hrun++; if (hrun == 3) { hy3++; if (verbose) print "hy3 p." page } }
	else hrun = 0
	if (kind == "c" && flags ~ / hy/) { tabhy++; if (verbose) print "table hyphen p." page ": " $0 }
	if (flags ~ / ragged/) { ragged++; if (verbose) print "ragged p." page ": " $0 }
	if (kind == "p" && (flags ~ / last/) && !(flags ~ / first/) && sp == 0) {
		oneword++; if (verbose) print "oneword p." page ": " $0
	}
	next
}
/^  table / {
	id = $2; a = $4; b = $5; n = $7
	pieces[id]++
	pa[id, pieces[id]] = a; pb[id, pieces[id]] = b
	nr[id] = n; tot[id] = ($0 ~ / total/); sh[id] = ($0 ~ / short/)
	next
}
END {
	flush_page()
	for (id in pieces) {
		if (pieces[id] < 2) continue
		if (sh[id]) { tsplit++; if (verbose) print "short table split: " id }
		for (k = 1; k <= pieces[id]; k++) {
			rows = pa[id, k] - pb[id, k]; if (rows < 0) rows = -rows
			if (rows < 2 && nr[id] >= 2) { tsplit++; if (verbose) print "table piece: " id " " pa[id, k] "-" pb[id, k] }
			else if (tot[id] && pa[id, k] == nr[id] - 1) tsplit++
		}
	}
	pct = just > 0 ? 100 * mid / just : 100
	printf "%s lines %d just %d overfull %d r<0.67 %d r<0.8 %d r0.8-1.5 %d r1.5-2 %d r>2 %d in-range %.1f%% ragged %d hy3 %d oneword %d widow %d orphan %d headfoot %d tsplit %d tabhy %d\n", \
	    name, lines, just, overfull + 0, vlo + 0, lo + 0, mid + 0, hi + 0, vhi + 0, pct, ragged + 0, hy3 + 0, oneword + 0, widow + 0, orphan + 0, headfoot + 0, tsplit + 0, tabhy + 0
}
