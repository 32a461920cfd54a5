#!/bin/sh
# rencana: benchmark plans (issue 5), POSIX sh + awk.
#   gen.sh RENCANA PAGES > plan.yaml    the starter plan (`rencana init`,
#       11 pages) plus chapters of prose (`bab_tambahan`), one page each,
#       until about PAGES pages; PAGES <= 11 gives the starter plan.
#   gen.sh RENCANA batch N DIR          N plans DIR/pNNN.yaml: the starter
#       plan, each with its own title.
set -u
RENCANA=$1
if [ "$2" = batch ]; then
	"$RENCANA" init >"$4/base.yaml.tmp" || exit 1
	i=1
	while [ "$i" -le "$3" ]; do
		f=$(printf '%s/p%03d.yaml' "$4" "$i")
		sed "s/^  judul: .*/  judul: Rencana Pengembangan Kepegawaian ASN Nomor $i/" \
		    "$4/base.yaml.tmp" >"$f"
		i=$((i + 1))
	done
	rm -f "$4/base.yaml.tmp"
	exit 0
fi
"$RENCANA" init || exit 1
# A chapter fills about 1.07 pages (some spill onto a second page).
awk -v n=$((($2 - 11) * 15 / 16)) '
BEGIN {
	if (n < 1)
		exit
	# Eight sentences of ordinary prose, cycled.
	s[0] = "Pemerintah daerah menyusun rencana pengembangan kompetensi aparatur sipil negara secara bertahap dan terukur."
	s[1] = "Setiap perangkat daerah memetakan kebutuhan pelatihan berdasarkan hasil penilaian kinerja tahun sebelumnya."
	s[2] = "Kegiatan pembelajaran dilaksanakan melalui pelatihan klasikal, pembelajaran daring, bimbingan, dan magang."
	s[3] = "Badan kepegawaian mengoordinasikan pelaksanaan, mencatat jam pelajaran, dan melaporkan capaian setiap semester."
	s[4] = "Anggaran pengembangan kompetensi diprioritaskan bagi jabatan pelayanan publik yang berhadapan langsung dengan warga."
	s[5] = "Evaluasi dilakukan terhadap perubahan perilaku kerja, bukan hanya kehadiran peserta dalam kegiatan."
	s[6] = "Kerja sama dengan perguruan tinggi dan lembaga pelatihan memperluas pilihan program yang tersedia."
	s[7] = "Hasil pemantauan menjadi dasar penyesuaian rencana pada tahun berikutnya agar tetap relevan."
	print "\nbab_tambahan:"
	k = 0
	for (c = 1; c <= n; c++) {
		printf "  - judul: Uraian Tambahan %d\n    setelah: monitoring\n    isi: |\n", c
		# About one page: four paragraphs of five sentences.
		for (p = 0; p < 4; p++) {
			line = "      "
			for (j = 0; j < 5; j++)
				line = line s[k++ % 8] " "
			print line "\n"
		}
	}
}'
