#!/bin/sh
# rencana: pathological plan generator (POSIX sh + awk).
#   gen.sh RENCANA CASE N > plan.yaml
# Prints a plan for CASE at size N.  Every plan but the refused ones is the
# starter plan (`rencana init`) plus big content, so it is valid and builds.
# Markdown content goes into `bab_tambahan[].isi`, a field that may repeat:
# one value holds at most 64 KiB (PLAN_MAX_SCALAR), so content larger than
# that is spread over several chapters of at most PER items each (the sizes
# are chosen so the largest run, 8n, stays under 64 KiB per value and under
# the 4 MiB file limit).
#
# Cases (N is the count in brackets):
#   list      a Markdown list [items], PER=10000 items per chapter
#   para      a paragraph [words], PER=10000 words per chapter
#   word      one unbreakable word [characters] (one chapter)
#   cols      a table [columns] with 3 rows
#   rows      a table [rows] with 2 columns (one chapter, 6 bytes a row)
#   headings  `##` headings [headings] (one chapter, 6 bytes each)
#   quote     nested block quotes [depth]
#   nestlist  nested lists [depth]
#   loops     every list the templates loop over [items each; at most 999]
#   pipes     one table row of [pipes] `|` (over BLOCKS_MAX_PIPES: refused)
#   quoteemph [n] `>` then [n] `a*` on one line (over BLOCKS_MAX_NEST)
#   manyheads `## h` headings [headings], PER=9000 per chapter (4 MiB at
#             600,000; over BLOCKS_MAX_HEADINGS: refused)
#   markup    `*a` [pairs], PER=30000 per chapter (over BLOCKS_MAX_MARKUP)
#   shortparas one-word paragraphs [paragraphs], PER=6500 per chapter
#             (416,000 make about 16,000 pages: over LAY_MAX_PAGES)
#   yamllist  a YAML list [items] (over PLAN_MAX_NODES: refused)
#   yamlnest  nested YAML flow lists [depth] (over PLAN_MAX_DEPTH: refused)
#   alias     an alias bomb [levels] (aliases are refused)
set -u
RENCANA=$1
CASE=$2
N=$3

base() {
	"$RENCANA" init
}

# Appends `bab_tambahan:` with chapters whose isi is awk's output, split
# every `per` items: chapters KIND N PER
chapters() {
	awk -v kind="$1" -v n="$2" -v per="$3" '
	function chapter(k) {
		printf "  - judul: Lampiran %d\n    setelah: monitoring\n    isi: |\n", k
	}
	BEGIN {
		print "\nbab_tambahan:"
		k = 0
		for (i = 0; i < n; i++) {
			if (i % per == 0) {
				if (kind == "para" && i > 0)
					printf "\n"
				chapter(++k)
				if (kind == "para")
					printf "      "
			}
			if (kind == "list")
				print "      - a"
			else if (kind == "manyheads")
				print "      ## h"
			else if (kind == "markup")
				print "      *a"
			else if (kind == "shortparas")
				print "      a\n"
			else if (kind == "para")
				printf "kata "
		}
		if (kind == "para")
			printf "\n"
	}'
}

one_chapter() {
	printf '\nbab_tambahan:\n  - judul: Lampiran\n    setelah: monitoring\n    isi: |\n'
	awk -v kind="$1" -v n="$2" '
	BEGIN {
		if (kind == "word") {
			s = "      "
			for (i = 0; i < n; i++)
				s = s "a"
			print s
		} else if (kind == "cols") {
			for (r = 0; r < 5; r++) {
				s = "      "
				for (i = 0; i < n; i++)
					s = s (r == 1 ? "|-" : "|a")
				print s "|"
			}
		} else if (kind == "rows") {
			print "      |a|b|"
			print "      |-|-|"
			for (i = 0; i < n; i++)
				print "      |a|1|"
		} else if (kind == "headings") {
			for (i = 0; i < n; i++)
				print "      ## h\n"
		} else if (kind == "quote") {
			s = "      "
			for (i = 0; i < n; i++)
				s = s "> "
			print s "a"
		} else if (kind == "pipes") {
			print "      |a|b|"
			print "      |-|-|"
			s = "      "
			for (i = 0; i < n; i++)
				s = s "|"
			print s
		} else if (kind == "quoteemph") {
			s = "      "
			for (i = 0; i < n; i++)
				s = s ">"
			for (i = 0; i < n; i++)
				s = s "a*"
			print s
		} else if (kind == "nestlist") {
			s = "      "
			for (i = 0; i < n; i++)
				s = s "- "
			print s "a"
		}
	}'
}

# Every list the templates loop over, n items each, cross-references kept
# valid (strategy i serves goal i, partner i strategy i, indicator i goal i);
# the appendices each with a captioned table (LAMPIRAN DCCC, Tabel DCCC.1).
loops() {
	awk -v n="$1" '
	BEGIN {
		print "format: rencana/1"
		print "dokumen:\n  jenis: rencana-pengembangan\n  judul: Rencana Besar"
		print "  status: konsep\n  versi: \"0.1\"\n  tanggal: 2026-01-15"
		print "wilayah:\n  nama: Mataram\n  tingkat: kota"
		print "  provinsi: Nusa Tenggara Barat\n  kode: \"52.71\""
		print "  instansi: Badan Kepegawaian Kota Mataram"
		print "periode:\n  mulai: 2026\n  selesai: 2030"
		print "pendahuluan: |\n  Latar belakang."
		print "dasar_hukum:"
		for (i = 1; i <= n; i++)
			print "  - Peraturan Nomor " i
		print "kondisi:\n  uraian: |\n    Kondisi.\n  pegawai:"
		print "    jumlah: " n "\n    per_tanggal: 2025-12-31\n    rincian:"
		print "      - judul: Unit\n        daftar:"
		for (i = 1; i <= n; i++)
			print "          - label: Unit " i "\n            jumlah: 1"
		print "tujuan:\n  daftar:"
		for (i = 1; i <= n; i++)
			print "    - kode: T" i "\n      judul: Tujuan " i
		print "strategi:\n  daftar:"
		for (i = 1; i <= n; i++) {
			print "    - kode: S" i "\n      judul: Strategi " i
			print "      tujuan: [T" i "]\n      kegiatan:"
			print "        - nama: Pelatihan " i "\n          bentuk: klasikal"
			print "          jp: 24\n          peserta: 10\n          anggaran: 1000000"
			print "          jadwal: 2027"
		}
		print "implementasi:\n  uraian: |\n    Pelaksanaan.\n  mitra:"
		for (i = 1; i <= n; i++) {
			print "    - nama: Mitra " i "\n      jenis: perguruan-tinggi"
			print "      peran: Penyelenggara\n      strategi: [S" i "]"
		}
		print "tantangan:\n  daftar:"
		for (i = 1; i <= n; i++)
			print "    - judul: Tantangan " i "\n      mitigasi: Mitigasi.\n      tingkat: sedang"
		print "monitoring:\n  uraian: |\n    Pemantauan.\n  indikator:"
		for (i = 1; i <= n; i++) {
			print "    - kode: I" i "\n      nama: Indikator " i "\n      satuan: \"%\""
			print "      baseline:\n        tahun: 2025\n        nilai: 60"
			print "      target:\n        2030: 95\n      arah: naik\n      tujuan: T" i
		}
		print "kesimpulan: |\n  Kesimpulan."
		print "lampiran:"
		for (i = 1; i <= n; i++) {
			print "  - judul: Lampiran " i "\n    isi: |\n      Table: Data " i
			print "\n      | No | Unit |\n      |---:|---|\n      | " i " | Unit " i " |"
		}
	}'
}

case $CASE in
list)		base; chapters list "$N" 10000 ;;
para)		base; chapters para "$N" 10000 ;;
manyheads)	base; chapters manyheads "$N" 9000 ;;
markup)		base; chapters markup "$N" 6000 ;;
shortparas)	base; chapters shortparas "$N" 6500 ;;
word|cols|rows|headings|quote|nestlist|pipes|quoteemph)
		base; one_chapter "$CASE" "$N" ;;
loops)		loops "$N" ;;
yamllist)
	base
	awk -v n="$N" 'BEGIN { print "lampiran:"; for (i = 0; i < n; i++) print "  - a" }' ;;
yamlnest)
	awk -v n="$N" 'BEGIN { s = "format: "; for (i = 0; i < n; i++) s = s "["
		for (i = 0; i < n; i++) s = s "]"; print s }' ;;
alias)
	# The billion laughs: each level names the one before ten times.
	awk -v n="$N" 'BEGIN { print "a0: &a0 [lol]"
		for (i = 1; i < n; i++) {
			s = "a" i ": &a" i " ["
			for (j = 0; j < 10; j++) s = s (j ? ", " : "") "*a" (i - 1)
			print s "]"
		} }' ;;
*)	echo "gen.sh: unknown case $CASE" >&2; exit 2 ;;
esac
