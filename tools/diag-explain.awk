# rencana: docs/diagnostics.md -> a C table of each code's explanation
# (`rencana explain CODE`), so the text lives in one place, the document.
# A section starts at a heading "### `CODE` (level)" and runs to the next
# heading; its text is kept as written, blank lines at either end dropped.
# Output: lines `DIAG_EXPLAIN("CODE", "text\n" ...)`, included by diag.c;
# the Indonesian document, docs/diagnostics.id.md, with the same sections,
# gives `DIAG_EXPLAIN_ID(...)` lines when it is the second file.
# Usage: awk -f tools/diag-explain.awk docs/diagnostics.md \
#            docs/diagnostics.id.md > build/diag_explain.inc

function flush(    i, first, last) {
	if (code == "")
		return
	first = 1
	while (first <= n && body[first] == "")
		first++
	last = n
	while (last >= first && body[last] == "")
		last--
	printf "%s(\"%s\",\n", macro, code
	if (first > last)
		printf "    \"\"\n"
	for (i = first; i <= last; i++)
		printf "    \"%s\\n\"\n", cstr(body[i])
	printf ")\n"
	code = ""
	n = 0
}

# A C string literal's contents: backslash, quote, tab and `?` (trigraphs)
# escaped, one character at a time (gsub's `\\` differs between awks).
function cstr(s,    out, i, c) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" || c == "\"" || c == "?")
			out = out "\\" c
		else if (c == "\t")
			out = out "\\t"
		else
			out = out c
	}
	return out
}

BEGIN {
	print "/* Generated from docs/diagnostics.md and docs/diagnostics.id.md by tools/diag-explain.awk: do not edit. */"
}

FNR == 1 {
	flush()
	macro = ++nfile == 1 ? "DIAG_EXPLAIN" : "DIAG_EXPLAIN_ID"
}

/^#/ {
	flush()
	if (match($0, /^### `[a-z0-9-]+`/)) {
		code = substr($0, 6, RLENGTH - 6)
		n = 0
	}
	next
}

code != "" {
	body[++n] = $0
}

END {
	flush()
}
