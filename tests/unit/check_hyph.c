/*
 * rencana: unit tests of Indonesian hyphenation (layout_hyph.c): a KBBI word
 * list compared exactly, names/abbreviations/numbers/codes left whole, the
 * two-letter edges, exceptions, WinAnsi letters and the word-length limit.
 */
#include <check.h>
#include <string.h>

#include "layout_hyph.h"

/* Writes word with `mark` before each break into out (size 3 * n + 1). */
static size_t
render(const struct hyph *h, const char *word, char mark, char *out)
{
	unsigned char brk[200];
	size_t n = strlen(word), i, o = 0, nbrk;

	nbrk = hyph_word(h, word, n, brk);
	for (i = 0; i < n; i++) {
		if (brk[i])
			out[o++] = mark;
		out[o++] = word[i];
	}
	out[o] = '\0';
	return nbrk;
}

static void
unhyphen(const char *s, char *out)
{
	for (; *s != '\0'; s++)
		if (*s != '-')
			*out++ = *s;
	*out = '\0';
}

/* ---- KBBI syllable breaks ------------------------------------------------ */

/*
 * Words of civil-service plans with their KBBI breaks, after the two-letter
 * edges (KBBI's e-va-lu-a-si is eva-lu-a-si here).  Includes every example
 * of PUEBI II.E and the words the TeX patterns get wrong.
 */
static const char *const kbbi[] = {
	"pe-ngem-bang-an", "ke-pe-ga-wai-an", "apa-ra-tur", "kom-pe-ten-si",
	"pe-la-yan-an", "re-for-ma-si", "bi-ro-kra-si", "ma-sya-ra-kat",
	"trans-pa-ran-si", "akun-ta-bel", "pro-fe-si-o-nal", "in-teg-ri-tas",
	"ber-ke-lan-jut-an", "pem-bi-na-an", "pe-la-tih-an", "pen-di-dik-an",
	"ke-te-ram-pil-an", "di-gi-tal", "tek-no-lo-gi", "in-for-ma-si",
	"eva-lu-a-si", "mo-ni-to-ring", "stra-te-gi", "im-ple-men-ta-si",
	"ko-la-bo-ra-si", "uni-ver-si-tas", "efek-ti-vi-tas", "efi-si-en-si",
	"ke-bu-tuh-an", "pe-me-rin-tah-an", "ke-ca-mat-an", "ke-lu-rah-an",
	"ang-gar-an", "me-ne-gas-kan", "or-ga-ni-sa-si", "ke-mam-pu-an",
	"ling-kung-an", "di-la-ku-kan", "ba-pak", "de-ngan",
	"ke-nyang", "mu-ta-khir", "mu-sya-wa-rah", "man-di",
	"swas-ta", "in-stru-men", "ul-tra", "bang-krut",
	"ikh-las", "masy-hur", "bu-ah", "sa-at",
	"pan-dai", "sau-da-ra", "sur-vei", "am-boi",
	"se-tia", "pe-me-rin-tah", "pe-ga-wai", "si-pil",
	"ne-ga-ra", "da-e-rah", "ki-ner-ja", "sum-ber",
	"ma-nu-sia", "sek-re-ta-ri-at", "sek-re-ta-ris", "ad-mi-nis-tra-si",
	"in-stan-si", "kon-struk-si", "trans-por-ta-si", "trans-for-ma-si",
	"eks-por", "eks-tra", "teks-til", "ku-a-li-fi-ka-si",
	"ser-ti-fi-ka-si", "pro-yek", "sek-tor", "eko-no-mi",
	"ke-te-rang-an", "rek-rut-men", "pro-mo-si", "mu-ta-si",
	"pen-si-un", "ja-bat-an", "fung-si-o-nal", "struk-tu-ral",
	"ke-bi-jak-an", "sis-tem", "ana-li-sis", "ku-a-li-tas",
	"ku-an-ti-tas", "in-di-ka-tor", "tar-get", "ca-pai-an",
	"re-a-li-sa-si", "pro-gram", "ke-gi-at-an", "so-si-a-li-sa-si",
	"bim-bing-an", "tek-nis", "ma-na-je-men", "ori-en-ta-si",
	"lo-ka-kar-ya", "dik-lat", "kur-sus", "be-a-sis-wa",
	"ak-re-di-ta-si", "ku-ri-ku-lum", "mo-dul", "ap-li-ka-si",
	"pub-li-ka-si", "tri-wu-lan", "kri-te-ria", "pri-o-ri-tas",
	"ren-ca-na", "tu-ju-an", "sa-sar-an", "kon-di-si",
	"per-ma-sa-lah-an", "tan-tang-an", "pe-lu-ang", "an-cam-an",
	"mit-ra", "pe-lak-sa-na", "pe-man-tau-an", "pe-nu-tup",
	"lam-pir-an", "do-ku-men", "tang-gal", "ke-pu-tus-an",
	"tem-bus-an", "pe-nge-lo-la-an", "pe-nga-da-an", "pe-nyu-sun-an",
	"pe-nye-leng-ga-ra-an", "pe-nga-was-an", "pem-ber-da-ya-an", "pe-ning-kat-an",
	"per-ce-pat-an", "net-ra-li-tas", "di-sip-lin", "akun-ta-bi-li-tas",
	"par-ti-si-pa-si", "ino-va-si", "la-yan-an", "pub-lik",
	"di-gi-ta-li-sa-si", "elek-tro-nik", "in-fra-struk-tur", "ja-ring-an",
	"in-ter-net", "kom-pu-ter", "pe-rang-kat", "ke-a-man-an",
	"ko-mu-ni-ka-si", "ko-or-di-na-si", "si-ner-gi", "ke-mit-ra-an",
	"per-gu-ru-an", "ting-gi", "sar-ja-na", "ma-gis-ter",
	"dip-lo-ma", "pe-nge-ta-hu-an", "pe-ri-la-ku", "bu-da-ya",
	"ke-se-jah-te-ra-an", "pem-ba-ngun-an", "so-si-al", "be-lan-ja",
	"pen-da-pat-an", "bi-a-ya", "alo-ka-si", "per-tum-buh-an",
	"wi-la-yah", "pu-lau", "uta-ra", "teng-ga-ra",
	"ka-bu-pa-ten", "ese-lon", "pe-ja-bat", "pim-pin-an",
	"atas-an", "jum-lah", "per-sen-ta-se", "ni-lai",
	"in-deks", "ke-pu-as-an", "me-lak-sa-na-kan", "me-ning-kat-kan",
	"me-ngem-bang-kan", "me-nyu-sun", "me-ne-tap-kan", "di-ha-rap-kan",
	"ber-da-sar-kan", "se-ba-gai-ma-na", "ter-ha-dap", "me-la-lui",
	"ada-lah", "me-ru-pa-kan", "se-ba-ik-nya", "me-nge-nai",
	"sam-pai", "ba-gi-an", "ke-pa-da", "un-tuk",
	"se-ca-ra", "se-ti-ap", "ter-se-but", "se-su-ai",
	"mau-pun", "ke-bu-tuh-an-nya", "ber-a-sal", "ter-a-khir",
	"me-nye-le-sai-kan", "pe-ni-lai-an", "ke-u-ang-an", "ru-ang-an",
	"pe-lang-gan", "pe-lang-gar-an", "per-ma-in-an", "kar-ya-wan",
	"ka-wa-san", "ya-i-tu", "te-ri-ma", "be-ra-ni",
	"per-a-tur-an", "pe-ren-ca-na-an", "de-mo-kra-si", "ge-o-gra-fi",
	"bu-lan", "ba-dan", "ta-hun-an", "ke-ku-at-an",
};

START_TEST(test_kbbi)
{
	struct hyph *h = hyph_new(NULL, 0);
	char word[128], got[256];
	size_t nbrk, nhyph = 0;
	const char *p;

	unhyphen(kbbi[_i], word);
	nbrk = render(h, word, '-', got);
	ck_assert_str_eq(got, kbbi[_i]);
	for (p = kbbi[_i]; *p != '\0'; p++)
		nhyph += *p == '-';
	ck_assert_uint_eq(nbrk, nhyph);
	hyph_free(h);
}
END_TEST

/* ---- words that never break ---------------------------------------------- */

struct case_io {
	const char	*in;
	const char	*want;	/* breaks marked with '=' */
};

static const struct case_io whole[] = {
	{ "ASN", "ASN" },			/* abbreviations */
	{ "BKPSDM", "BKPSDM" },
	{ "PENGEMBANGAN", "PENGEMBANGAN" },	/* all capitals */
	{ "BKPSDMKota", "BKPSDMKota" },		/* capital after the first */
	{ "McDonald", "McDonald" },
	{ "e-KTP", "e-KTP" },
	{ "S.H.", "S.H." },			/* titles */
	{ "M.Si.", "M.Si." },
	{ "2026", "2026" },			/* numbers, codes */
	{ "T1", "T1" },
	{ "pengembangan2", "pengembangan2" },
	{ "198501012010011001", "198501012010011001" },
	{ "Qur'an", "Qur'an" },
	{ "itu", "itu" },			/* two letters each side */
	{ "usia", "usia" },
	{ "dua", "dua" },
	{ "air", "air" },
	{ "a", "a" },
	{ "", "" },
};

START_TEST(test_whole)
{
	char got[256];

	ck_assert_uint_eq(render(NULL, whole[_i].in, '=', got), 0);
	ck_assert_str_eq(got, whole[_i].want);
}
END_TEST

/* Capitalised words, two-letter edges, hyphenated words, WinAnsi letters. */
static const struct case_io shapes[] = {
	{ "Pengembangan", "Pe=ngem=bang=an" },	/* sentence start */
	{ "Mataram", "Ma=ta=ram" },		/* a one-word name: see docs */
	{ "April", "Ap=ril" },
	{ "evaluasi", "eva=lu=a=si" },		/* not e-va-lu-a-si */
	{ "setia", "se=tia" },			/* not se-ti-a */
	{ "melalui", "me=la=lui" },		/* the suffix -i stays */
	{ "aparatur", "apa=ra=tur" },
	{ "kerja-sama", "ker=ja-sa=ma" },	/* part by part */
	{ "pengembangan-pengembangan",
	  "pe=ngem=bang=an-pe=ngem=bang=an" },
	{ "se-Indonesia", "se-Indonesia" },	/* capital after the first */
	{ "caf\xe9", "ca=f\xe9" },		/* é is a vowel (WinAnsi) */
	{ "kr\xe9" "dit", "kr\xe9=dit" },
	{ "CAF\xc9", "CAF\xc9" },		/* É is a capital */
	{ "\xc9lite", "\xc9li=te" },
	{ "lain", "la=in" },			/* ai closed by n: two syllables */
	{ "main", "ma=in" },
};

START_TEST(test_shapes)
{
	struct hyph *h = hyph_new(NULL, 0);
	char got[256];

	render(h, shapes[_i].in, '=', got);
	ck_assert_str_eq(got, shapes[_i].want);
	hyph_free(h);
}
END_TEST

/* ---- exceptions ---------------------------------------------------------- */

START_TEST(test_exceptions)
{
	static const char *const exc[] = {
		"pe-ngemb-ang-an",	/* overrides the rules */
		"mataram",		/* no hyphens: kept whole */
		"KA-WA-SAN",		/* overrides the built-in ka-wa-san */
		"e-va-lu-a-si",		/* the edges still apply */
		"pe--la", "-abc", "ab1", "",	/* skipped */
		"ang-ga-ran",
		"ang-gar-an",		/* a later entry wins */
		"in-for-ma-si",
	};
	struct hyph *h = hyph_new(exc, sizeof(exc) / sizeof(exc[0]));
	char got[256];

	render(h, "pengembangan", '-', got);
	ck_assert_str_eq(got, "pe-ngemb-ang-an");
	render(h, "PENGEMBANGAN", '-', got);	/* capitals still win */
	ck_assert_str_eq(got, "PENGEMBANGAN");
	render(h, "Pengembangan", '-', got);	/* case-insensitive */
	ck_assert_str_eq(got, "Pe-ngemb-ang-an");
	render(h, "Mataram", '-', got);
	ck_assert_str_eq(got, "Mataram");
	render(h, "kawasan", '-', got);
	ck_assert_str_eq(got, "ka-wa-san");
	render(h, "evaluasi", '-', got);
	ck_assert_str_eq(got, "eva-lu-a-si");
	render(h, "anggaran", '-', got);
	ck_assert_str_eq(got, "ang-gar-an");
	render(h, "informasional", '-', got);	/* whole words only */
	ck_assert_str_eq(got, "in-for-ma-si-o-nal");
	render(h, "pela", '-', got);
	ck_assert_str_eq(got, "pe-la");
	hyph_free(h);

	/* The built-in list without any style entries; NULL: rules only. */
	h = hyph_new(NULL, 0);
	render(h, "kawasan", '-', got);
	ck_assert_str_eq(got, "ka-wa-san");
	render(NULL, "kawasan", '-', got);
	ck_assert_str_eq(got, "ka-was-an");
	hyph_free(h);
	hyph_free(NULL);
}
END_TEST

START_TEST(test_exception_error)
{
	ck_assert_ptr_null(hyph_exception_error("pe-ngem-bang-an"));
	ck_assert_ptr_null(hyph_exception_error("mataram"));
	ck_assert_ptr_null(hyph_exception_error("caf\xe9"));
	ck_assert_str_eq(hyph_exception_error("pe--la"), "two hyphens in a row");
	ck_assert_str_eq(hyph_exception_error("-pela"),
	    "a hyphen at the start or the end");
	ck_assert_str_eq(hyph_exception_error("pela-"),
	    "a hyphen at the start or the end");
	ck_assert_str_eq(hyph_exception_error("S.H."),
	    "a character that is not a letter or a hyphen");
	ck_assert_str_eq(hyph_exception_error("pe la"),
	    "a character that is not a letter or a hyphen");
	ck_assert_str_eq(hyph_exception_error(""), "no letters");
	ck_assert_str_eq(hyph_exception_error(
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	    "longer than 64 letters");
}
END_TEST

/* ---- limits -------------------------------------------------------------- */

/* A 64-letter word breaks and returns quickly; 65 letters get no breaks. */
START_TEST(test_long_words)
{
	static const char *const shapes64[] = {
		"pengembangan", "a", "b", "ai", "ngs", "aib", "strukturisasi",
	};
	char w[HYPH_MAX_WORD + 2], got[256];
	unsigned char brk[HYPH_MAX_WORD + 1];
	size_t i, k, len;
	long r;

	for (k = 0; k < sizeof(shapes64) / sizeof(shapes64[0]); k++) {
		len = strlen(shapes64[k]);
		for (i = 0; i < HYPH_MAX_WORD + 1; i++)
			w[i] = shapes64[k][i % len];
		w[HYPH_MAX_WORD + 1] = '\0';
		/* 10^5 words of the longest length: fast when linear (the
		 * tcase timeout fails a slow one). */
		for (r = 0; r < 100000; r++)
			hyph_word(NULL, w, HYPH_MAX_WORD, brk);
		ck_assert_uint_eq(hyph_word(NULL, w, HYPH_MAX_WORD + 1, brk), 0);
		for (i = 0; i < HYPH_MAX_WORD + 1; i++)
			ck_assert_uint_eq(brk[i], 0);
	}
	/* pengembangan x 5 + 4 letters = 64: inside, no -an suffix is seen,
	 * so ba-ngan by the syllable rules. */
	memcpy(w, "pengembanganpengembanganpengembanganpengembanganpengembanganpeng", 64);
	w[64] = '\0';
	ck_assert_uint_eq(strlen(w), HYPH_MAX_WORD);
	render(NULL, w, '-', got);
	ck_assert_str_eq(got, "pe-ngem-ba-ngan-pe-ngem-ba-ngan-pe-ngem-ba-ngan-"
	    "pe-ngem-ba-ngan-pe-ngem-ba-ngan-peng");
}
END_TEST

Suite *
hyph_suite(void)
{
	Suite *s = suite_create("hyph");
	TCase *tc = tcase_create("hyph");

	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, test_kbbi, 0, sizeof(kbbi) / sizeof(kbbi[0]));
	tcase_add_loop_test(tc, test_whole, 0,
	    sizeof(whole) / sizeof(whole[0]));
	tcase_add_loop_test(tc, test_shapes, 0,
	    sizeof(shapes) / sizeof(shapes[0]));
	tcase_add_test(tc, test_exceptions);
	tcase_add_test(tc, test_exception_error);
	tcase_add_test(tc, test_long_words);
	suite_add_tcase(s, tc);
	return s;
}
