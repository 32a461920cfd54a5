/* rencana: unit tests of the computed fields (compute.c): every formatter,
 * table-driven with exact expected text, and the context built from a plan. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "compute.h"
#include "diag.h"
#include "plan.h"
#include "style.h"

static void
expect(char *got, const char *want, const char *what)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "%s: expected NULL, got `%s`", what, got);
	else {
		ck_assert_msg(got != NULL, "%s: expected `%s`, got NULL", what, want);
		ck_assert_msg(strcmp(got, want) == 0, "%s: expected `%s`, got `%s`",
		    what, want, got);
	}
	free(got);
}

static const struct { const char *in, *lang, *want; } dates[] = {
	{ "2026-11-22", "id", "22 November 2026" },
	{ "2026-01-05", "id", "5 Januari 2026" },
	{ "2026-02-01", "id", "1 Februari 2026" },
	{ "2026-08-17", "id", "17 Agustus 2026" },
	{ "2026-12-31", "id", "31 Desember 2026" },
	{ "2024-02-29", "id", "29 Februari 2024" },
	{ "2026-05-09", "en", "9 May 2026" },
	{ "2026-08-17", "en", "17 August 2026" },
	{ "2025-02-29", "id", NULL },
	{ "2026-13-01", "id", NULL },
	{ "2026-04-31", "id", NULL },
	{ "22-11-2026", "id", NULL },
	{ "2026-1-05", "id", NULL },
	{ "", "id", NULL },
};

START_TEST(test_date_long)
{
	expect(compute_date_long(dates[_i].in, dates[_i].lang), dates[_i].want,
	    dates[_i].in);
}
END_TEST

static const struct { const char *in, *want; } numbers[] = {
	{ "0", "0" },
	{ "7", "7" },
	{ "999", "999" },
	{ "1000", "1.000" },
	{ "1234.5", "1.234,5" },
	{ "1234567", "1.234.567" },
	{ "72.50", "72,50" },
	{ "-1234.25", "-1.234,25" },
	{ "007", "7" },
	{ "0.5", "0,5" },
	{ "12.5.1", NULL },
	{ "1e3", NULL },
	{ "abc", NULL },
	{ "", NULL },
};

START_TEST(test_number)
{
	expect(compute_number(numbers[_i].in), numbers[_i].want,
	    numbers[_i].in);
}
END_TEST

static const struct { const char *in, *want; } rupiahs[] = {
	{ "1250000000", "Rp1.250.000.000,00" },
	{ "500", "Rp500,00" },
	{ "0", "Rp0,00" },
	{ "150000000", "Rp150.000.000,00" },
	{ "12.5", NULL },
	{ "-5", NULL },
};

START_TEST(test_rupiah)
{
	expect(compute_rupiah(rupiahs[_i].in), rupiahs[_i].want,
	    rupiahs[_i].in);
}
END_TEST

static const struct { const char *in, *want; } nips[] = {
	{ "197001011995031001", "19700101 199503 1 001" },
	{ "19700101 199503 1 001", "19700101 199503 1 001" },
	{ "19860926 201505 2 014", "19860926 201505 2 014" },
	{ "19700101199503100", NULL },
	{ "1970010119950310011", NULL },
	{ "19700101-199503-1-001", NULL },
};

START_TEST(test_nip)
{
	expect(compute_nip(nips[_i].in), nips[_i].want, nips[_i].in);
}
END_TEST

static const struct { const char *tingkat, *nama, *want; } regions[] = {
	{ "kota", "Mataram", "Kota Mataram" },
	{ "kecamatan", "Alak", "Kecamatan Alak" },
	{ "kabupaten", "Lombok Barat", "Kabupaten Lombok Barat" },
	{ "provinsi", "Nusa Tenggara Barat", "Provinsi Nusa Tenggara Barat" },
	{ "kelurahan", "Alak", "Kelurahan Alak" },
	{ "desa", "Sukamaju", "Desa Sukamaju" },
	{ "negara", "X", NULL },
};

START_TEST(test_region)
{
	expect(compute_region(regions[_i].tingkat, regions[_i].nama),
	    regions[_i].want, regions[_i].nama);
}
END_TEST

static const struct { const char *in, *want; } uppers[] = {
	{ "Kepala Badan", "KEPALA BADAN" },
	{ "Sekretaris Daerah,", "SEKRETARIS DAERAH," },
	{ "caf\xc3\xa9 d\xc3\xa9j\xc3\xa0", "CAF\xc3\x89 D\xc3\x89J\xc3\x80" },
	{ "\xe2\x80\x93 x", "\xe2\x80\x93 X" },
	{ "", "" },
};

START_TEST(test_upper)
{
	expect(compute_upper(uppers[_i].in), uppers[_i].want, uppers[_i].in);
}
END_TEST

static const struct { long long part, whole; const char *want; } percents[] = {
	{ 1, 3, "33,3%" },
	{ 2, 3, "66,7%" },
	{ 10, 10, "100,0%" },
	{ 0, 10, "0,0%" },
	{ 452, 1000, "45,2%" },
	{ 1, 0, NULL },
};

START_TEST(test_percent)
{
	expect(compute_percent(percents[_i].part, percents[_i].whole), percents[_i].want, "percent");
}
END_TEST

/* ---- the context ---- */

static const char plan_text[] =
"format: rencana/1\n"
"dokumen:\n"
"  jenis: rencana-pengembangan\n"
"  judul: Rencana Pengembangan\n"
"  tanggal: 2026-11-22\n"
"wilayah:\n"
"  nama: Mataram\n"
"  tingkat: kota\n"
"  provinsi: Nusa Tenggara Barat\n"
"  instansi: BKPSDM Kota Mataram\n"
"periode: {mulai: 2025, selesai: 2027}\n"
"pendahuluan: teks\n"
"dasar_hukum: [UU 20/2023]\n"
"kondisi:\n"
"  uraian: u\n"
"  pegawai:\n"
"    jumlah: 3\n"
"    rincian:\n"
"      - judul: Jenis Kelamin\n"
"        daftar: [{label: L, jumlah: 1}, {label: P, jumlah: 2}]\n"
"      - judul: Menurut usia\n"
"        daftar: [{label: muda, jumlah: 3}]\n"
"      - judul: menurut\n"
"        daftar: [{label: x, jumlah: 3}]\n"
"tujuan: {daftar: [{kode: T1, judul: A, uraian: x}]}\n"
"strategi:\n"
"  daftar:\n"
"    - kode: S1\n"
"      judul: B\n"
"      uraian: y\n"
"      tujuan: [T1]\n"
"      kegiatan:\n"
"        - {nama: K1, bentuk: klasikal, jp: 20, peserta: 30, anggaran: 1000000, jadwal: 2026-Q2}\n"
"        - {nama: K2, bentuk: magang, jp: 5, peserta: 2, anggaran: 250000, jadwal: 2026-03}\n"
"    - {kode: S2, judul: C, uraian: z, tujuan: [T1]}\n"
"implementasi: {uraian: i}\n"
"tantangan: {daftar: [{judul: D, uraian: d, mitigasi: \"m | n\"}]}\n"
"monitoring:\n"
"  uraian: mo\n"
"  indikator:\n"
"    - {kode: I1, nama: IP ASN, satuan: indeks, baseline: {tahun: 2024, nilai: 72.5},\n"
"       target: {2025: 75, 2027: 80.5}, tujuan: T1}\n"
"kesimpulan: k\n"
"bab_tambahan: [{judul: Ekstra, isi: e, setelah: strategi}]\n"
"penandatangan:\n"
"  tempat: Mataram\n"
"  tanggal: 2026-11-22\n"
"  jabatan: Sekretaris Daerah\n"
"  status_jabatan: an\n"
"  atas_nama: Wali Kota Mataram\n"
"  nama: Budi\n"
"  pangkat: Pembina Utama Muda\n"
"  golongan: IV/c\n"
"  nip: \"197001011995031001\"\n";

static const char *
at(const struct pnode *n, const char *path)
{
	/* path: keys separated by '.', list items as [i] */
	char *p = strdup(path), *save = NULL, *tok;
	const struct pnode *cur = n;

	for (tok = strtok_r(p, ".", &save); tok && cur; tok = strtok_r(NULL, ".", &save)) {
		char *br = strchr(tok, '[');
		long idx = -1;

		if (br != NULL) {
			idx = atol(br + 1);
			*br = '\0';
		}
		cur = pnode_get(cur, tok);
		if (idx >= 0 && cur != NULL) {
			const struct pnode *c = cur->first;

			while (c != NULL && idx-- > 0)
				c = c->next;
			cur = c;
		}
	}
	free(p);
	return cur != NULL && cur->type == PN_STR ? cur->str : NULL;
}

START_TEST(test_context)
{
	struct diag_list dl;
	struct plan *pl;
	struct style st;
	struct pnode *ctx, *kata;
	struct plan *kp;
	static const char ktext[] = "tabel: Tabel\nbab: BAB\nbab_kondisi: Kondisi Pegawai\n"
	    "pegawai_menurut: Komposisi ASN menurut\n";
	static const struct { const char *path, *want; } want[] = {
		{ "dokumen.tanggal_teks", "22 November 2026" },
		{ "wilayah.nama_lengkap", "Kota Mataram" },
		{ "wilayah.pemerintah", "Pemerintah Kota Mataram" },
		{ "wilayah.provinsi_lengkap", "Provinsi Nusa Tenggara Barat" },
		{ "periode.teks", "2025\xe2\x80\x93" "2027" },
		{ "periode.tahun[2].tahun", "2027" },
		{ "bab.pendahuluan.judul", "pendahuluan" },
		{ "bab.kondisi.judul", "Kondisi Pegawai" },
		{ "bab.kondisi.judul_kapital", "KONDISI PEGAWAI" },
		{ "bab.kesimpulan.judul", "kesimpulan" },
		{ "tambahan_setelah.strategi[0].judul", "Ekstra" },
		{ "tambahan_setelah.strategi[0].isi", "e" },
		{ "ada_dasar_hukum", "true" },
		{ "kondisi.pegawai.rincian[0].daftar[1].persen", "66,7%" },
		{ "kondisi.pegawai.jumlah_teks", "3" },
		{ "strategi.daftar[0].kegiatan[0].jadwal_teks", "Triwulan II 2026" },
		{ "strategi.daftar[0].kegiatan[1].jadwal_teks", "Maret 2026" },
		{ "strategi.daftar[0].kegiatan[1].bentuk_teks", "Magang" },
		{ "strategi.daftar[0].kegiatan[0].anggaran_rp", "Rp1.000.000,00" },
		{ "strategi.daftar[0].jumlah_anggaran_rp", "Rp1.250.000,00" },
		{ "strategi.daftar[0].jumlah_jp_teks", "25" },
		{ "strategi.daftar[0].jumlah_peserta_teks", "32" },
		{ "strategi.daftar[1].jumlah_anggaran_rp", "Rp0,00" },
		{ "strategi.jumlah_anggaran_rp", "Rp1.250.000,00" },
		{ "strategi.banyak_kegiatan", "2" },
		{ "strategi.daftar[0].kegiatan[1].no", "2" },
		{ "strategi.daftar[1].terakhir", "true" },
		{ "tantangan.daftar[0].mitigasi_sel", "m \\| n" },
		{ "tantangan.ada_daftar", "true" },
		{ "monitoring.ada_indikator", "true" },
		{ "monitoring.indikator[0].baseline_teks", "72,5 (2024)" },
		{ "monitoring.indikator[0].target_tahun[0].nilai", "75" },
		{ "monitoring.indikator[0].target_tahun[1].nilai", "-" },
		{ "monitoring.indikator[0].target_tahun[2].nilai", "80,5" },
		{ "tanda_tangan.tempat_tanggal", "Mataram, 22 November 2026" },
		{ "tanda_tangan.jabatan[0].baris", "a.n. WALI KOTA MATARAM," },
		{ "tanda_tangan.jabatan[1].baris", "SEKRETARIS DAERAH," },
		{ "tanda_tangan.pangkat", "Pembina Utama Muda (IV/c)" },
		{ "tanda_tangan.nip", "19700101 199503 1 001" },
		{ "dasar_hukum_butir[0].teks", "UU 20/2023" },
		{ "sampul.judul", "RENCANA PENGEMBANGAN" },
		{ "sampul.pemerintah", "PEMERINTAH KOTA MATARAM" },
		{ "konsep", "true" },
		{ "kata.tabel", "Tabel" },
		/* the caption's title after `pegawai_menurut`, without the
		 * word repeated ("... menurut Menurut usia") */
		{ "kondisi.pegawai.rincian[0].judul_tabel", "Jenis Kelamin" },
		{ "kondisi.pegawai.rincian[1].judul_tabel", "usia" },
		{ "kondisi.pegawai.rincian[2].judul_tabel", "menurut" },
		/* the title does not name the period: the cover prints it */
		{ "sampul.periode", "2025\xe2\x80\x93" "2027" },
	};
	size_t i;

	diag_init(&dl);
	pl = plan_load_buffer("p.yaml", plan_text, strlen(plan_text), &dl);
	ck_assert_ptr_nonnull(pl->root);
	ck_assert_uint_eq(dl.nerror, 0);
	style_default(&st);
	ctx = compute_context(pl, &st, "id", &dl);
	kp = plan_load_buffer("k.yaml", ktext, strlen(ktext), &dl);
	kata = kp->root;
	ck_assert_ptr_nonnull(kata);
	compute_add_words(ctx, kata);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *got = at(ctx, want[i].path);

		ck_assert_msg(got != NULL && strcmp(got, want[i].want) == 0,
		    "%s: expected `%s`, got `%s`", want[i].path, want[i].want,
		    got ? got : "(none)");
	}
	/* flags that are false are empty lists */
	ck_assert_int_eq(pnode_get(ctx, "final")->type, PN_SEQ);
	ck_assert_uint_eq(pnode_get(ctx, "final")->nchild, 0);
	/* generated nodes carry the position of their field */
	ck_assert(pnode_get(pnode_get(ctx, "dokumen"), "tanggal_teks")->generated);
	ck_assert_int_eq(pnode_get(pnode_get(ctx, "dokumen"), "tanggal_teks")->pos.line, 5);
	ck_assert(!pnode_get(pnode_get(ctx, "dokumen"), "judul")->generated);
	pnode_free(ctx);
	plan_free(kp);
	plan_free(pl);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

/* A kecamatan's government is its kota's; a subtitle naming the period
 * keeps the cover from printing it again; the names for ties. */
START_TEST(test_context_kecamatan)
{
	static const char text[] =
	    "format: rencana/1\n"
	    "dokumen:\n"
	    "  judul: Rencana ASN di Alak\n"
	    "  subjudul: Rencana Kecamatan Alak Tahun 2026-2030\n"
	    "wilayah:\n"
	    "  nama: Alak\n"
	    "  tingkat: kecamatan\n"
	    "  induk: Kota Kupang\n"
	    "  provinsi: Nusa Tenggara Timur\n"
	    "  instansi: Kecamatan Alak\n"
	    "periode: {mulai: 2026, selesai: 2030}\n"
	    "penandatangan: {nama: Yohanes Benu}\n";
	struct diag_list dl;
	struct plan *pl;
	struct style st;
	struct pnode *ctx;
	char **names;
	size_t n, i;
	int seen = 0;

	diag_init(&dl);
	pl = plan_load_buffer("p.yaml", text, strlen(text), &dl);
	ck_assert_ptr_nonnull(pl->root);
	style_default(&st);
	ctx = compute_context(pl, &st, "id", &dl);
	ck_assert_str_eq(at(ctx, "wilayah.pemerintah"), "Pemerintah Kota Kupang");
	ck_assert_str_eq(at(ctx, "sampul.pemerintah"), "PEMERINTAH KOTA KUPANG");
	ck_assert_ptr_null(at(ctx, "sampul.periode"));
	compute_names(ctx, &names, &n);
	for (i = 0; i < n; i++) {
		seen |= strcmp(names[i], "Kecamatan Alak") == 0 ? 1 :
		    strcmp(names[i], "Kota Kupang") == 0 ? 2 :
		    strcmp(names[i], "Yohanes Benu") == 0 ? 4 : 0;
		free(names[i]);
	}
	free(names);
	ck_assert_int_eq(seen, 7);
	pnode_free(ctx);
	plan_free(pl);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

START_TEST(test_name_known)
{
	ck_assert(compute_name_known("strategi.daftar", "jumlah_anggaran_rp"));
	ck_assert(compute_name_known("", "bab"));
	ck_assert(compute_name_known("bab.kondisi", "judul"));
	ck_assert(compute_name_known("tambahan_setelah.strategi", "isi"));
	/* numbers are the numbering pass's, not the context's */
	ck_assert(!compute_name_known("bab.kondisi", "label"));
	ck_assert(!compute_name_known("strategi.daftar", "tabel"));
	ck_assert(!compute_name_known("strategi.daftar", "jumlah_anggaran"));
	ck_assert(!compute_name_known("", "ba"));
}
END_TEST

Suite *
compute_suite(void)
{
	Suite *s = suite_create("compute");
	TCase *tc = tcase_create("formatters");

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))
	tcase_add_loop_test(tc, test_date_long, 0, N(dates));
	tcase_add_loop_test(tc, test_number, 0, N(numbers));
	tcase_add_loop_test(tc, test_rupiah, 0, N(rupiahs));
	tcase_add_loop_test(tc, test_nip, 0, N(nips));
	tcase_add_loop_test(tc, test_region, 0, N(regions));
	tcase_add_loop_test(tc, test_upper, 0, N(uppers));
	tcase_add_loop_test(tc, test_percent, 0, N(percents));
	tcase_add_test(tc, test_context);
	tcase_add_test(tc, test_context_kecamatan);
	tcase_add_test(tc, test_name_known);
	suite_add_tcase(s, tc);
	return s;
}
