/* rencana: unit tests of validation helpers (validate.c) and the schema tables (schema.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "schema.h"
#include "style.h"
#include "validate.h"

/* ---- edit distance ---- */

static const struct {
	const char	*a, *b;
	size_t		 want;
} dists[] = {
	{ "strategi", "strategi", 0 },
	{ "stratgi", "strategi", 1 },		/* deletion */
	{ "strateggi", "strategi", 1 },		/* insertion */
	{ "strategu", "strategi", 1 },		/* substitution */
	{ "startegi", "strategi", 1 },		/* neighbours swapped */
	{ "", "abc", 3 },
	{ "abc", "", 3 },
	{ "kontak", "kontakk", 1 },
	{ "tujuan", "judul", 4 },
	{ "ca", "abc", 3 },			/* OSA, not full Damerau */
	/* 65 bytes: beyond the limit, far from everything. */
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a", 65 },
};

START_TEST(test_edit_distance)
{
	ck_assert_uint_eq(validate_edit_distance(dists[_i].a, dists[_i].b),
	    dists[_i].want);
}
END_TEST

/* ---- numbers ---- */

static const struct {
	const char		*s;
	enum validate_num	 want;
	double			 v;
} nums[] = {
	{ "0", VALIDATE_NUM_INT, 0 },
	{ "42", VALIDATE_NUM_INT, 42 },
	{ "-7", VALIDATE_NUM_INT, -7 },
	{ "72.5", VALIDATE_NUM_DECIMAL, 72.5 },
	{ "-0.25", VALIDATE_NUM_DECIMAL, -0.25 },
	{ "1.250", VALIDATE_NUM_DECIMAL, 1.25 },	/* a decimal where a number may be one */
	{ "72,5", VALIDATE_NUM_COMMA, 0 },
	{ "1.250.000", VALIDATE_NUM_THOUSANDS, 0 },
	{ "1.250.000,75", VALIDATE_NUM_THOUSANDS, 0 },
	{ "12.345.6", VALIDATE_NUM_BAD, 0 },
	{ "1e3", VALIDATE_NUM_BAD, 0 },
	{ "12.", VALIDATE_NUM_BAD, 0 },
	{ ".5", VALIDATE_NUM_BAD, 0 },
	{ "+5", VALIDATE_NUM_BAD, 0 },
	{ "", VALIDATE_NUM_BAD, 0 },
	{ "-", VALIDATE_NUM_BAD, 0 },
	{ "0x10", VALIDATE_NUM_BAD, 0 },
	{ " 5", VALIDATE_NUM_BAD, 0 },
	{ "1,2,3", VALIDATE_NUM_BAD, 0 },
};

START_TEST(test_number)
{
	double v = -1;
	enum validate_num got = validate_number(nums[_i].s, &v);

	ck_assert_msg(got == nums[_i].want, "`%s`: got %d, want %d", nums[_i].s,
	    (int)got, (int)nums[_i].want);
	if (got == VALIDATE_NUM_INT || got == VALIDATE_NUM_DECIMAL)
		ck_assert_double_eq_tol(v, nums[_i].v, 1e-9);
}
END_TEST

/* ---- NIP ---- */

static const struct {
	const char	*nip;
	int		 docy, docm;
	unsigned	 want;
} nips[] = {
	{ "19700101 199503 1 001", 2026, 2, 0 },
	{ "197001011995031001", 2026, 2, 0 },
	{ "19720814 199803 2 004", 0, 0, 0 },			/* no document date */
	{ "19700101 199503 1 00", 2026, 2, VALIDATE_NIP_SHAPE },
	{ "19700101 199503 1 0011", 2026, 2, VALIDATE_NIP_SHAPE },
	{ "19700101-199503-1-001", 2026, 2, VALIDATE_NIP_SHAPE },
	{ "1970010119950310O1", 2026, 2, VALIDATE_NIP_SHAPE },
	{ "19700230 199503 1 001", 2026, 2, VALIDATE_NIP_BIRTH },
	{ "19000229 199503 1 001", 2026, 2, VALIDATE_NIP_BIRTH },	/* 1900 not leap */
	{ "20000229 202503 1 001", 2026, 2, 0 },			/* 2000 leap */
	{ "19700101 199513 1 001", 2026, 2, VALIDATE_NIP_TMT },
	{ "19700101 199500 1 001", 2026, 2, VALIDATE_NIP_TMT },
	{ "19800601 199805 1 001", 2026, 2, VALIDATE_NIP_YOUNG },	/* 17y11m */
	{ "19800601 199806 1 001", 2026, 2, 0 },			/* 18 that month */
	{ "19800601 202603 1 001", 2026, 2, VALIDATE_NIP_LATE },
	{ "19800601 202602 1 001", 2026, 2, 0 },			/* same month */
	{ "19700101 199503 3 001", 2026, 2, VALIDATE_NIP_SEX },
	{ "19700101 199503 1 000", 2026, 2, VALIDATE_NIP_SERIAL },
	{ "19701301 199513 0 000", 2026, 2, VALIDATE_NIP_BIRTH | VALIDATE_NIP_TMT |
	    VALIDATE_NIP_SEX | VALIDATE_NIP_SERIAL },
};

START_TEST(test_nip)
{
	unsigned got = validate_nip(nips[_i].nip, nips[_i].docy, nips[_i].docm);

	ck_assert_msg(got == nips[_i].want, "`%s`: got 0x%x, want 0x%x", nips[_i].nip,
	    got, nips[_i].want);
}
END_TEST

/* ---- region codes ---- */

static const struct {
	const char		*code, *tingkat;
	enum validate_region	 want;
} regions[] = {
	{ "52", "provinsi", VALIDATE_REGION_OK },
	{ "52.71", "kota", VALIDATE_REGION_OK },			/* Mataram */
	{ "36.74", "kota", VALIDATE_REGION_OK },			/* Tangerang Selatan */
	{ "53.71.01", "kecamatan", VALIDATE_REGION_OK },		/* Alak */
	{ "52.01", "kabupaten", VALIDATE_REGION_OK },
	{ "52.69", "kabupaten", VALIDATE_REGION_OK },
	{ "52.70", "kabupaten", VALIDATE_REGION_KAB },
	{ "52.70", "kota", VALIDATE_REGION_KOTA },
	{ "52.71", "kabupaten", VALIDATE_REGION_KAB },
	{ "52.71.02.1001", "kelurahan", VALIDATE_REGION_OK },
	{ "52.71.02.2001", "kelurahan", VALIDATE_REGION_KEL },
	{ "52.01.01.2001", "desa", VALIDATE_REGION_OK },
	{ "52.01.01.1001", "desa", VALIDATE_REGION_DESA },
	{ "52.71", "provinsi", VALIDATE_REGION_DEPTH },
	{ "52.71.01", "kota", VALIDATE_REGION_DEPTH },
	{ "52.71.01.1001", "kecamatan", VALIDATE_REGION_DEPTH },
	{ "52-71", "kota", VALIDATE_REGION_SHAPE },
	{ "5271", "kota", VALIDATE_REGION_SHAPE },
	{ "52.7", "kota", VALIDATE_REGION_SHAPE },
	{ "52.71.1", "kecamatan", VALIDATE_REGION_SHAPE },
	{ "52.71.01.100", "kelurahan", VALIDATE_REGION_SHAPE },
	{ "52.71.", "kota", VALIDATE_REGION_SHAPE },
	{ "52.71.01", NULL, VALIDATE_REGION_OK },			/* no tingkat: shape only */
};

START_TEST(test_region)
{
	enum validate_region got = validate_region_code(regions[_i].code,
	    regions[_i].tingkat);

	ck_assert_msg(got == regions[_i].want, "`%s` as %s: got %d, want %d",
	    regions[_i].code, regions[_i].tingkat ? regions[_i].tingkat : "-",
	    (int)got, (int)regions[_i].want);
}
END_TEST

/* ---- dates ---- */

static const struct {
	int	y, m, d, want;
} dates[] = {
	{ 2026, 1, 31, 1 }, { 2026, 2, 29, 0 }, { 2024, 2, 29, 1 }, { 2100, 2, 29, 0 },
	{ 2000, 2, 29, 1 }, { 2026, 4, 31, 0 }, { 2026, 13, 1, 0 }, { 2026, 0, 1, 0 },
	{ 2026, 12, 0, 0 }, { 2026, 12, 31, 1 },
};

START_TEST(test_date)
{
	ck_assert_int_eq(validate_date_exists(dates[_i].y, dates[_i].m, dates[_i].d),
	    dates[_i].want);
}
END_TEST

/* ---- schema tables ---- */

START_TEST(test_schema_lookup)
{
	const struct schema_field *r = schema_root(), *m, *i, *t;

	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->type, SCHEMA_MAP);
	ck_assert_ptr_null(schema_child(r, "stratgi"));
	m = schema_child(schema_child(r, "monitoring"), "indikator");
	ck_assert_int_eq(m->type, SCHEMA_LIST);
	i = schema_child(m, NULL);		/* the item */
	ck_assert_int_eq(i->type, SCHEMA_MAP);
	t = schema_child(i, "target");
	ck_assert_int_eq(t->type, SCHEMA_DICT);
	ck_assert_int_eq(schema_child(t, "2031")->type, SCHEMA_NUMBER);
	ck_assert_int_eq(schema_child(schema_child(r, "dokumen"), "tte")->type, SCHEMA_BOOL);
	ck_assert_ptr_nonnull(schema_child(schema_child(r, "judul_bab"), "kesimpulan"));
	ck_assert_str_eq(schema_type_name(SCHEMA_DATE), "date");
	ck_assert_ptr_null(schema_child(schema_child(r, "format"), "x"));
	ck_assert_ptr_eq(schema_find("monitoring.indikator.target"), t);
	ck_assert_ptr_null(schema_find("monitoring.indikator.x"));
}
END_TEST

/* gaya.yaml is checked by the plan's validator: the same messages. */
START_TEST(test_style_schema)
{
	static const char text[] =
	    "kertas: A5\n"
	    "margin_mm: {atas: 500, kiri: x}\n"
	    "ukuran: {isi: 12}\n"
	    "pemenggalan: mungkin\n"
	    "nomor_halaman: atas-tengah\n"
	    "pengecualian_pemenggalan: [{a: b}]\n";
	static const char good[] =
	    "kertas: F4\nnomor_halaman: atas-tengah\npenomoran_judul: huruf\n"
	    "margin_mm: {atas: 25}\npemenggalan: false\n"
	    "pengecualian_pemenggalan: [pe-ngem-bang-an]\nkata_tabel: Table\n";
	struct diag_list dl;
	struct style st;

	diag_init(&dl);
	style_default(&st);
	ck_assert_int_eq(style_load_buffer("t/gaya.yaml", text, sizeof(text) - 1,
	    &st, &dl), -1);
	ck_assert_uint_eq(dl.n, 6);
	ck_assert_str_eq(dl.v[0].msg, "`A5` is not one of `A4`, `F4`, `letter`; "
	    "did you mean `A4`?");
	ck_assert_int_eq(dl.v[0].code, D_STYLE_VALUE);
	ck_assert_str_eq(dl.v[1].msg, "500 is out of range; use 0 to 100");
	ck_assert_str_eq(dl.v[2].msg, "`x` is not a number");
	ck_assert_str_eq(dl.v[3].msg, "unknown key `ukuran`; did you mean `ukuran_pt`?");
	ck_assert_int_eq(dl.v[3].code, D_STYLE_KEY);
	ck_assert_int_eq(dl.v[3].line, 3);
	ck_assert_str_eq(dl.v[4].msg, "`mungkin` is not `ya` or `tidak`");
	ck_assert_str_eq(dl.v[5].msg, "expected text, found a map");
	style_free(&st);
	diag_free(&dl);

	diag_init(&dl);
	style_default(&st);
	ck_assert_int_eq(style_load_buffer("t/gaya.yaml", good, sizeof(good) - 1,
	    &st, &dl), 0);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert(st.paper_h_mm == 330 && st.margin_top_mm == 25);
	ck_assert_int_eq(st.pagenum, PAGENUM_TOP_CENTER);
	ck_assert_int_eq(st.headnum, HEADNUM_LETTER);
	ck_assert_int_eq(st.hyphenate, 0);
	ck_assert_uint_eq(st.nhyph_exceptions, 1);
	ck_assert_str_eq(st.caption_word, "Table");
	style_free(&st);
	diag_free(&dl);
}
END_TEST

/* Display words live beside the enum values (schema_word). */
START_TEST(test_schema_word)
{
	ck_assert_str_eq(schema_word("wilayah.tingkat", "kota", NULL), "Kota");
	ck_assert_str_eq(schema_word("wilayah.tingkat", "kota", "en"), "Kota");
	ck_assert_str_eq(schema_word("strategi.daftar.kegiatan.bentuk", "magang",
	    "en"), "Internship");
	ck_assert_str_eq(schema_word("implementasi.mitra.jenis", "lsm", "id"), "LSM");
	ck_assert_str_eq(schema_word("monitoring.indikator.arah", "x", "id"), "x");
	ck_assert_str_eq(schema_word("dokumen.status", "final", "id"), "final");
	ck_assert_ptr_null(schema_word("wilayah.tingkat", NULL, NULL));
}
END_TEST

/* Every field has an Indonesian description, every map a NULL-ended table;
 * walked with an explicit stack (the tables are at most a few levels deep). */
START_TEST(test_schema_complete)
{
	const struct schema_field *stack[64], *f, *c;
	size_t n = 0, fields = 0;

	stack[n++] = schema_root();
	while (n > 0) {
		f = stack[--n];
		fields++;
		ck_assert_ptr_nonnull(f->desc);
		ck_assert_msg(f->desc[0] != '\0', "field `%s` has no description",
		    f->key ? f->key : "(item)");
		if (f->type == SCHEMA_ENUM)
			ck_assert_ptr_nonnull(f->values);
		if (f->type == SCHEMA_LIST || f->type == SCHEMA_DICT) {
			ck_assert_ptr_nonnull(f->children);
			stack[n++] = f->children;
		} else if (f->type == SCHEMA_MAP)
			for (c = f->children; c->key != NULL; c++) {
				ck_assert_uint_lt(n, 64);
				stack[n++] = c;
			}
	}
	ck_assert_uint_gt(fields, 100);
}
END_TEST

/* ---- validate_plan on a buffer: returns the errors it added ---- */

START_TEST(test_validate_counts)
{
	struct diag_list dl;
	struct plan *pl;
	const char *text = "format: rencana/1\nbogus: 1\n";

	diag_init(&dl);
	pl = plan_load_buffer("t.yaml", text, strlen(text), &dl);
	/* 11 required keys missing + 1 unknown key */
	ck_assert_int_eq(validate_plan(pl, &dl), 12);
	ck_assert_uint_eq(dl.nerror, 12);
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

Suite *
validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("helpers");

	tcase_add_loop_test(tc, test_edit_distance, 0,
	    (int)(sizeof(dists) / sizeof(dists[0])));
	tcase_add_loop_test(tc, test_number, 0, (int)(sizeof(nums) / sizeof(nums[0])));
	tcase_add_loop_test(tc, test_nip, 0, (int)(sizeof(nips) / sizeof(nips[0])));
	tcase_add_loop_test(tc, test_region, 0,
	    (int)(sizeof(regions) / sizeof(regions[0])));
	tcase_add_loop_test(tc, test_date, 0, (int)(sizeof(dates) / sizeof(dates[0])));
	tcase_add_test(tc, test_schema_lookup);
	tcase_add_test(tc, test_schema_word);
	tcase_add_test(tc, test_style_schema);
	tcase_add_test(tc, test_schema_complete);
	tcase_add_test(tc, test_validate_counts);
	suite_add_tcase(s, tc);
	return s;
}
