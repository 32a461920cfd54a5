/*
 * rencana: unit tests of the PDF stage (pdf.c): a hand-built page list is
 * written and read back with the poppler and qpdf tools (pdffonts,
 * pdftotext, pdfinfo, qpdf), which are build dependencies.
 */
#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>

#include "buf.h"
#include "diag.h"
#include "page.h"
#include "output.h"
#include "pdf.h"
#include "pdfpack.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/* make runs the tests from the top of the repository. */
#define FONTS	"fonts"
#define A4_W	595.276
#define A4_H	841.89
/* 2025-01-01 00:00:00 UTC */
#define DATE	1735689600LL

static char tmpdir[64];

static void
setup(void)
{
	strcpy(tmpdir, "/tmp/rencana-pdf-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static char *
tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* ---- a tiny PNG, written here so no binary fixture is needed ---- */

static uint32_t
crc32_of(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return c ^ 0xFFFFFFFFu;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void
chunk(FILE *f, const char *type, const unsigned char *data, size_t n)
{
	unsigned char *b = xmalloc(n + 8);

	put32(b, (uint32_t)n);
	fwrite(b, 1, 4, f);
	memcpy(b, type, 4);
	if (n > 0)
		memcpy(b + 4, data, n);
	fwrite(b, 1, n + 4, f);
	put32(b, crc32_of(b, n + 4));
	fwrite(b, 1, 4, f);
	free(b);
}

/* 16 x 16 RGBA: a blue square with a red diagonal and transparent corners;
 * zlib with one stored block. */
static void
write_png(const char *path)
{
	enum { W = 16, ROW = 1 + 4 * W, RAW = ROW * W };
	unsigned char ihdr[13] = { 0 }, idat[2 + 5 + RAW + 4], *raw = idat + 7;
	uint32_t a = 1, b = 0;
	FILE *f = fopen(path, "wb");
	int x, y, i;

	ck_assert_ptr_nonnull(f);
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	put32(ihdr, W);
	put32(ihdr + 4, W);
	ihdr[8] = 8;
	ihdr[9] = 6;
	chunk(f, "IHDR", ihdr, sizeof(ihdr));
	for (y = 0; y < W; y++) {
		unsigned char *r = raw + y * ROW;

		r[0] = 0;
		for (x = 0; x < W; x++) {
			unsigned char *px = r + 1 + 4 * x;
			int corner = (x < 3 || x > 12) && (y < 3 || y > 12);

			px[0] = x == y ? 220 : 20;
			px[1] = 40;
			px[2] = x == y ? 20 : 160;
			px[3] = corner ? 0 : 255;
		}
	}
	idat[0] = 0x78;
	idat[1] = 0x01;
	idat[2] = 1;		/* final block, stored */
	idat[3] = RAW & 0xFF;
	idat[4] = RAW >> 8;
	idat[5] = ~RAW & 0xFF;
	idat[6] = (~RAW >> 8) & 0xFF;
	for (i = 0; i < RAW; i++) {
		a = (a + raw[i]) % 65521;
		b = (b + a) % 65521;
	}
	put32(idat + 7 + RAW, (b << 16) | a);
	chunk(f, "IDAT", idat, sizeof(idat));
	chunk(f, "IEND", NULL, 0);
	ck_assert_int_eq(fclose(f), 0);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* Reads a whole file (or NULL) into a new string; *n gets the length. */
static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t cap = 0, len = 0, k;

	if (f == NULL)
		return NULL;
	do {
		s = xgrow(s, &cap, len + 4097, 1);
		k = fread(s + len, 1, 4096, f);
		len += k;
	} while (k > 0);
	fclose(f);
	s[len] = '\0';
	if (n != NULL)
		*n = len;
	return s;
}

/* Runs a shell command; returns its stdout and stores stderr in *err. */
static char *
run(const char *cmd, char **err)
{
	char *ef = tmp("stderr.txt"), *of = tmp("stdout.txt");
	char *full = xasprintf("%s >'%s' 2>'%s'", cmd, of, ef);
	char *out;
	int st = system(full);

	ck_assert_msg(st == 0, "`%s` failed with %d", cmd, st);
	out = slurp(of, NULL);
	if (err != NULL)
		*err = slurp(ef, NULL);
	free(full);
	free(ef);
	free(of);
	return out;
}

/* ---- the document ---- */

static struct box *
text(struct page *p, double x, double y, enum font_style f, double size,
    const char *utf8)
{
	return page_add_text(p, x, y, f, size, utf8, strlen(utf8));
}

static struct box *
add_link(struct page *p, double x, double y, double w, double h, size_t page,
    double dest_y)
{
	struct box *b = page_add_box(p, BOX_LINK);

	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->dest_page = page;
	b->dest_y = dest_y;
	return b;
}

/* Words pdftotext must find: every font, Indonesian with the WinAnsi
 * punctuation an official document uses. */
static const char *const words[] = {
	"RENCANA", "STRATEGIS", "2025\xE2\x80\x93" "2029",
	"DAFTAR", "ISI", "PENDAHULUAN", "Latar", "Belakang",
	"Pemerintah", "pembangunan", "kafe", "r\xC3\xA9sum\xC3\xA9",
	"\xE2\x80\x9C" "kutipan\xE2\x80\x9D", "\xE2\x80\x98" "tunggal\xE2\x80\x99",
	"\xE2\x80\xA2", "kinerja\xE2\x80\x94" "dan", "miring", "tebal-miring",
	"Tabel", "Indikator", "Sasaran"
};

static struct doc_pages *
make_doc(const char *logo)
{
	struct doc_pages *d = doc_pages_new(A4_W, A4_H);
	struct page *p;
	struct box *b;

	d->meta.title = xstrdup("Rencana Strategis 2025\xE2\x80\x93" "2029 "
	    "Dinas Pendidikan \xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D");
	d->meta.author = xstrdup("Pemerintah Kabupaten Contoh");
	d->meta.subject = xstrdup("Renstra Perangkat Daerah");
	d->meta.keywords = xstrdup("renstra, perencanaan");
	d->meta.lang = xstrdup("id-ID");
	d->meta.date = DATE;

	/* i: cover with logo and the draft mark */
	p = doc_pages_add(d);
	b = page_add_box(p, BOX_IMAGE);
	b->x = 257.6;
	b->y = 640;
	b->w = 80;
	b->h = 80;
	b->path = xstrdup(logo);
	b = text(p, 120, 430, FONT_REGULAR, 72, "KONSEP");
	b->angle_deg = 45;
	b->gray = 0.5;
	b->alpha = 0.3;
	text(p, 170, 560, FONT_BOLD, 20, "RENCANA STRATEGIS");
	text(p, 200, 530, FONT_ITALIC, 14, "2025\xE2\x80\x93" "2029");

	/* ii: table of contents, links to the body */
	p = doc_pages_add(d);
	text(p, 250, 760, FONT_BOLD, 14, "DAFTAR ISI");
	text(p, 85, 720, FONT_REGULAR, 12, "BAB I PENDAHULUAN");
	text(p, 500, 720, FONT_REGULAR, 12, "1");
	add_link(p, 85, 716, 425, 16, 2, 780);
	text(p, 100, 700, FONT_REGULAR, 12, "1.1 Latar Belakang");
	text(p, 500, 700, FONT_REGULAR, 12, "2");
	add_link(p, 100, 696, 410, 16, 3, 780);

	/* 1: body, justified paragraph, rule, table header */
	p = doc_pages_add(d);
	text(p, 220, 780, FONT_BOLD, 14, "BAB I PENDAHULUAN");
	b = page_add_box(p, BOX_RULE);
	b->x = 85;
	b->y = 770;
	b->w = 425;
	b->line_pt = 0.75;
	b = text(p, 85, 740, FONT_REGULAR, 12,
	    "Pemerintah menyusun pembangunan di kafe r\xC3\xA9sum\xC3\xA9 "
	    "\xE2\x80\x9C" "kutipan\xE2\x80\x9D dan \xE2\x80\x98" "tunggal\xE2\x80\x99");
	b->word_space_pt = 2.5;
	text(p, 85, 722, FONT_REGULAR, 12,
	    "\xE2\x80\xA2 kinerja\xE2\x80\x94" "dan capaian");
	text(p, 85, 704, FONT_ITALIC, 12, "teks miring");
	text(p, 85, 686, FONT_BOLDITALIC, 12, "teks tebal-miring");
	b = page_add_box(p, BOX_RECT);
	b->x = 85;
	b->y = 640;
	b->w = 425;
	b->h = 20;
	b->gray = 0.85;
	text(p, 90, 646, FONT_BOLD, 10, "Tabel Indikator Sasaran");
	text(p, 85, 100, FONT_REGULAR, 11, "Pembangunan");

	/* 2: second body page, link back to the contents */
	p = doc_pages_add(d);
	text(p, 85, 780, FONT_BOLD, 12, "1.1 Latar Belakang");
	add_link(p, 85, 776, 200, 16, 1, 780);

	d->body_start = 2;
	doc_pages_add_outline(d, "BAB I PENDAHULUAN", 1, 2, 800);
	doc_pages_add_outline(d, "1.1 Latar Belakang \xE2\x80\x94 caf\xC3\xA9", 2, 3, 800);
	doc_pages_add_outline(d, "BAB II GAMBARAN", 1, 3, 500);
	return d;
}

static void
build(const char *path, struct doc_pages **dp)
{
	struct style st;
	struct diag_list dl;
	char *logo = tmp("logo.png");
	struct doc_pages *d;

	write_png(logo);
	d = make_doc(logo);
	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, path, &dl), PDF_OK);
	ck_assert_uint_eq(dl.n, 0);
	diag_free(&dl);
	style_free(&st);
	free(logo);
	if (dp != NULL)
		*dp = d;
	else
		doc_pages_free(d);
}

/* Bytes of a PDF with three letters in each of two fonts: 4,543 measured
 * with HarfBuzz subsets (issue 17; libharu's partial subsets made 48,211,
 * and every WinAnsi glyph embedded about 91,000). */
#define FEW_GLYPHS_MAX	8000

/* ---- tests ---- */

START_TEST(test_qpdf_check)
{
	char *pdf = tmp("a.pdf"), *cmd = xasprintf("qpdf --check '%s'", pdf);
	char *out, *err;

	build(pdf, NULL);
	out = run(cmd, &err);
	ck_assert_ptr_nonnull(strstr(out, "No syntax or stream encoding errors"));
	ck_assert_str_eq(err, "");
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

START_TEST(test_fonts_embedded)
{
	static const char *const want[FONT__COUNT] = {
		"LiberationSans", "LiberationSans-Bold",
		"LiberationSans-Italic", "LiberationSans-BoldItalic"
	};
	char *pdf = tmp("a.pdf"), *cmd = xasprintf("pdffonts '%s'", pdf);
	char *out, *err, *line, *save = NULL;
	int seen[FONT__COUNT] = { 0 }, nfont = 0, f;

	build(pdf, NULL);
	out = run(cmd, &err);
	ck_assert_str_eq(err, "");
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char name[128], cid[8], type[32], enc[32], emb[8], sub[8];
		char uni[8];
		const char *plus;

		if (strncmp(line, "name", 4) == 0 || line[0] == '-')
			continue;
		/* Type 0 fonts of our own (issue 17): "CID TrueType", an
		 * embedded CMap ("Custom"), embedded, subset, with a
		 * ToUnicode map. */
		ck_assert_int_eq(sscanf(line, "%127s %7s %31s %31s %7s %7s %7s",
		    name, cid, type, enc, emb, sub, uni), 7);
		nfont++;
		ck_assert_str_eq(cid, "CID");
		ck_assert_str_eq(type, "TrueType");
		ck_assert_str_eq(enc, "Custom");
		ck_assert_str_eq(emb, "yes");
		ck_assert_str_eq(sub, "yes");
		ck_assert_str_eq(uni, "yes");
		plus = strchr(name, '+');
		ck_assert_ptr_nonnull(plus);
		ck_assert_int_eq((int)(plus - name), 6);
		for (f = 0; f < FONT__COUNT; f++)
			if (strcmp(plus + 1, want[f]) == 0)
				seen[f]++;
	}
	ck_assert_int_eq(nfont, 4);
	for (f = 0; f < FONT__COUNT; f++)
		ck_assert_msg(seen[f] == 1, "font %s seen %d times", want[f],
		    seen[f]);
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

START_TEST(test_text_extracts)
{
	char *pdf = tmp("a.pdf"), *cmd = xasprintf("pdftotext -layout '%s' -", pdf);
	char *out, *err;
	size_t i;

	build(pdf, NULL);
	out = run(cmd, &err);
	ck_assert_str_eq(err, "");
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		ck_assert_msg(strstr(out, words[i]) != NULL,
		    "`%s` not extracted from:\n%s", words[i], out);
	free(out);
	free(err);
	free(cmd);
	/* -layout scatters the 45-degree mark over lines; -raw keeps the
	 * letters in order, one a line */
	cmd = xasprintf("pdftotext -raw -f 1 -l 1 '%s' - | tr -d '\\n'", pdf);
	out = run(cmd, &err);
	ck_assert_str_eq(err, "");
	ck_assert_msg(strstr(out, "KONSEP") != NULL, "%s", out);
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

START_TEST(test_info)
{
	char *pdf = tmp("a.pdf"), *cmd = xasprintf("pdfinfo -isodates '%s'", pdf);
	char *out, *err;
	static const char *const want[] = {
		"Title:           Rencana Strategis 2025\xE2\x80\x93" "2029 Dinas "
		    "Pendidikan \xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D\n",
		"Subject:         Renstra Perangkat Daerah\n",
		"Keywords:        renstra, perencanaan\n",
		"Author:          Pemerintah Kabupaten Contoh\n",
		"Creator:         rencana " RENCANA_VERSION "\n",
		"Producer:        Haru Free PDF Library 2.3.0\n",
		"CreationDate:    2025-01-01T00:00:00Z\n",
		"ModDate:         2025-01-01T00:00:00Z\n",
		"Pages:           4\n",
		"Encrypted:       no\n",
		"Page size:       595.276 x 841.89 pts (A4)\n",
	};
	size_t i;

	build(pdf, NULL);
	out = run(cmd, &err);
	ck_assert_str_eq(err, "");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_msg(strstr(out, want[i]) != NULL,
		    "`%s` not in:\n%s", want[i], out);
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

START_TEST(test_structure)
{
	char *pdf = tmp("a.pdf");
	char *cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' -", pdf);
	char *out, *err;
	static const char *const want[] = {
		/* page labels: i, ii, then 1, 2 */
		"/PageLabels",
		"/Nums [\n      0\n      <<\n        /S /r\n        /St 1\n"
		    "      >>\n      2\n      <<\n        /S /D\n        /St 1\n",
		"/PageMode /UseOutlines",
		"/Lang (id-ID)",
		/* links without the default border */
		"/Subtype /Link",
		"/Border [\n    0\n    0\n    0\n  ]",
		"/FitH",
		"/CA 0.3",
		"/ca 0.3",
		"/Subtype /Image",
		"/SMask",
	};
	size_t i;

	build(pdf, NULL);
	out = run(cmd, &err);
	ck_assert_str_eq(err, "");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_msg(strstr(out, want[i]) != NULL,
		    "`%s` not in the qdf output", want[i]);
	/* never base-14, never a zoom-0 destination */
	ck_assert_ptr_null(strstr(out, "/Helvetica"));
	ck_assert_ptr_null(strstr(out, "/XYZ"));
	ck_assert_ptr_null(strstr(out, "/ID"));
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

START_TEST(test_outlines)
{
	char *pdf = tmp("a.pdf");
	char *cmd = xasprintf("qpdf --json --json-key=outlines '%s'", pdf);
	char *out, *err, *a, *b, *c;

	build(pdf, NULL);
	out = run(cmd, &err);
	ck_assert_str_eq(err, "");
	a = strstr(out, "\"title\": \"BAB I PENDAHULUAN\"");
	b = strstr(out, "\"title\": \"1.1 Latar Belakang \xE2\x80\x94 caf\xC3\xA9\"");
	c = strstr(out, "\"title\": \"BAB II GAMBARAN\"");
	ck_assert_msg(a && b && c, "bookmarks missing:\n%s", out);
	/* qpdf prints a parent's kids before its title */
	ck_assert(b < a && a < c);
	/* the section is a kid of the first chapter, on page 4 */
	ck_assert_ptr_nonnull(strstr(out, "\"destpageposfrom1\": 4"));
	ck_assert_ptr_nonnull(strstr(out, "\"kids\": [\n        {"));
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

/* The widths layout measures with are the widths the PDF is drawn with. */
START_TEST(test_metrics_match_output)
{
	char *pdf = tmp("a.pdf"), *cmd = xasprintf("pdftotext -bbox '%s' -", pdf);
	char *out, *err, *w;
	struct metrics m;
	struct style st;
	struct diag_list dl;
	double x0, x1, want;

	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_metrics(&st, FONTS, &m, &dl), PDF_OK);
	/* Liberation Sans is metric-compatible with Arial (2048 units/em,
	 * truncated to 1/1000 em) */
	ck_assert_uint_eq(m.width[FONT_REGULAR][' '], 277);
	ck_assert_uint_eq(m.width[FONT_REGULAR]['a'], 556);
	ck_assert_uint_eq(m.width[FONT_REGULAR][0x97], 1000);	/* em dash */
	ck_assert_uint_eq(m.width[FONT_BOLD]['m'], 889);
	ck_assert_uint_eq(m.width[FONT_ITALIC]['i'], 222);
	ck_assert_uint_eq(m.width[FONT_BOLDITALIC]['W'], 943);
	ck_assert_int_gt(m.ascent, 800);
	ck_assert_int_lt(m.descent, -150);
	/* pdf_open reads the same widths from the fonts it embeds */
	{
		struct metrics m2;
		struct pdf_doc *pd;

		memset(&m2, 0xAB, sizeof(m2));
		pd = pdf_open((const char *const *)st.font, FONTS, &m2, &dl);
		ck_assert_ptr_nonnull(pd);
		pdf_close(pd);
		ck_assert_int_eq(memcmp(&m, &m2, sizeof(m)), 0);
	}
	build(pdf, NULL);
	out = run(cmd, &err);
	w = strstr(out, ">Pembangunan</word>");
	ck_assert_ptr_nonnull(w);
	while (w > out && strncmp(w, "<word", 5) != 0)
		w--;
	ck_assert_int_eq(sscanf(w, "<word xMin=\"%lf\" yMin=\"%*f\" xMax=\"%lf\"",
	    &x0, &x1), 2);
	want = metrics_width(&m, FONT_REGULAR, "Pembangunan", 11, 11);
	ck_assert_msg(x1 - x0 > want - 0.001 && x1 - x0 < want + 0.001,
	    "pdftotext width %f, metrics %f", x1 - x0, want);
	diag_free(&dl);
	style_free(&st);
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

static void
assert_same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *x = slurp(a, &na), *y = slurp(b, &nb);

	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_nonnull(y);
	ck_assert_uint_gt(na, 1000);
	ck_assert_uint_eq(na, nb);
	ck_assert_msg(memcmp(x, y, na) == 0, "%s and %s differ", a, b);
	free(x);
	free(y);
}

START_TEST(test_deterministic)
{
	char *a = tmp("a.pdf"), *b = tmp("b.pdf"), *c = tmp("c.pdf");
	struct doc_pages *d;
	struct style st;
	struct diag_list dl;
	int fd, saved;

	build(a, &d);
	build(b, NULL);
	assert_same_file(a, b);
	/* "-" is standard output, the same bytes */
	style_default(&st);
	diag_init(&dl);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(c, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, "-", &dl), PDF_OK);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	assert_same_file(a, c);
	/* a new file gets 0666 less the umask, not mkstemp's 0600 */
	{
		struct stat sb;
		mode_t mask = umask(022);

		umask(mask);
		ck_assert_int_eq(stat(a, &sb), 0);
		ck_assert_int_eq(sb.st_mode & 0777, 0666 & ~mask);
	}
	diag_free(&dl);
	style_free(&st);
	doc_pages_free(d);
	free(a);
	free(b);
	free(c);
}
END_TEST

struct job {
	const struct doc_pages	*d;
	char			*path;
	int			 rc;
};

/* Every width equals what libharu's own TextWidth gives for that byte
 * with the font object the PDF is written with (the /Widths entries). */
START_TEST(test_metrics_match_libharu)
{
	struct metrics m;
	struct style st;
	struct diag_list dl;
	HPDF_Doc pdf;
	int f, c;

	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_metrics(&st, FONTS, &m, &dl), PDF_OK);
	pdf = HPDF_New(NULL, NULL);
	ck_assert_ptr_nonnull(pdf);
	for (f = 0; f < FONT__COUNT; f++) {
		char *path = xasprintf(FONTS "/%s", st.font[f]);
		const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_FALSE);
		HPDF_Font font;

		ck_assert_ptr_nonnull(name);
		font = HPDF_GetFont(pdf, name, "WinAnsiEncoding");
		ck_assert_ptr_nonnull(font);
		for (c = 0; c < 256; c++) {
			HPDF_BYTE b = (HPDF_BYTE)c;
			HPDF_TextWidth tw = HPDF_Font_TextWidth(font, &b, 1);

			ck_assert_msg(m.width[f][c] == tw.width,
			    "font %d byte 0x%02X: %u, libharu %u", f, c,
			    (unsigned)m.width[f][c], (unsigned)tw.width);
		}
		if (f == FONT_REGULAR) {
			ck_assert_int_eq(m.ascent, HPDF_Font_GetAscent(font));
			ck_assert_int_eq(m.descent, HPDF_Font_GetDescent(font));
		}
		free(path);
	}
	HPDF_Free(pdf);
	diag_free(&dl);
	style_free(&st);
}
END_TEST

/* Measuring all 256 widths embeds nothing: a page with a few letters
 * embeds those glyphs only (font_subset), not the whole WinAnsi set. */
START_TEST(test_measuring_embeds_nothing)
{
	char *pdf = tmp("few.pdf");
	struct doc_pages *d = doc_pages_new(595.3, 841.9);
	struct page *pg = doc_pages_add(d);
	struct style st;
	struct diag_list dl;
	struct stat sb;

	page_add_text(pg, 72, 700, FONT_REGULAR, 12, "aaa", 3);
	page_add_text(pg, 72, 680, FONT_BOLD, 12, "bbb", 3);
	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, pdf, &dl), PDF_OK);
	ck_assert_int_eq(stat(pdf, &sb), 0);
	ck_assert_msg(sb.st_size < FEW_GLYPHS_MAX, "%lld bytes",
	    (long long)sb.st_size);
	diag_free(&dl);
	style_free(&st);
	doc_pages_free(d);
	free(pdf);
}
END_TEST

static void *
render(void *arg)
{
	struct job *j = arg;
	struct style st;
	struct diag_list dl;
	struct metrics m;

	style_default(&st);
	diag_init(&dl);
	j->rc = pdf_metrics(&st, FONTS, &m, &dl);
	if (j->rc == PDF_OK)
		j->rc = pdf_write(j->d, &st, FONTS, j->path, &dl);
	diag_free(&dl);
	style_free(&st);
	return NULL;
}

START_TEST(test_threads)
{
	struct job job[2];
	pthread_t th[2];
	struct doc_pages *d;
	char *ref = tmp("ref.pdf");
	int i;

	build(ref, &d);
	for (i = 0; i < 2; i++) {
		job[i].d = d;
		job[i].path = xasprintf("%s/t%d.pdf", tmpdir, i);
		job[i].rc = 99;
		ck_assert_int_eq(pthread_create(&th[i], NULL, render, &job[i]), 0);
	}
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(pthread_join(th[i], NULL), 0);
		ck_assert_int_eq(job[i].rc, PDF_OK);
		assert_same_file(ref, job[i].path);
		free(job[i].path);
	}
	doc_pages_free(d);
	free(ref);
}
END_TEST

/* Lists the names in tmpdir (sorted, one a line) to show no temporary
 * file was left behind. */
static char *
listing(void)
{
	char *cmd = xasprintf("ls -A '%s' | grep -v '^std' | tr '\\n' ' '",
	    tmpdir);
	char *out = run(cmd, NULL);

	free(cmd);
	return out;
}

START_TEST(test_missing_fonts)
{
	struct doc_pages *d = make_doc("logo.png");
	struct style st;
	struct diag_list dl;
	struct metrics m;
	char *pdf = tmp("a.pdf"), *ls, abs[PATH_MAX], *want;
	struct stat sb;
	int f;

	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, "/nonexistent/fonts", pdf, &dl),
	    PDF_FAIL);
	ck_assert_uint_eq(dl.n, 4);
	ck_assert_int_eq(dl.v[0].code, D_PDF_FONT);
	ck_assert_str_eq(dl.v[0].msg, "cannot read font "
	    "`/nonexistent/fonts/LiberationSans-Regular.ttf`: No such file or "
	    "directory (the default fonts are Debian's package fonts-liberation2; "
	    "RENCANA_FONTS names another folder)");
	ck_assert_int_ne(stat(pdf, &sb), 0);
	ls = listing();
	ck_assert_str_eq(ls, "");
	free(ls);
	diag_free(&dl);
	diag_init(&dl);
	ck_assert_int_eq(pdf_metrics(&st, "/nonexistent/fonts", &m, &dl),
	    PDF_FAIL);
	ck_assert_uint_eq(dl.n, 4);
	ck_assert_int_eq(dl.v[3].code, D_PDF_FONT);
	diag_free(&dl);
	/* a file that is not a font: libharu's refusal, named */
	write_file(pdf, "this text is not a font file at all");
	ck_assert_ptr_nonnull(getcwd(abs, sizeof(abs)));
	for (f = 0; f < FONT__COUNT; f++) {
		char *from = xasprintf("%s/" FONTS "/%s", abs, st.font[f]);
		char *to = tmp(st.font[f]);

		ck_assert_int_eq(symlink(from, to), 0);
		free(from);
		free(to);
	}
	free(st.font[FONT_BOLD]);
	st.font[FONT_BOLD] = xstrdup("a.pdf");
	diag_init(&dl);
	ck_assert_int_eq(pdf_metrics(&st, tmpdir, &m, &dl), PDF_FAIL);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_PDF_FONT);
	want = xasprintf("cannot use font `%s/a.pdf`: not a TrueType font",
	    tmpdir);
	ck_assert_str_eq(dl.v[0].msg, want);
	free(want);
	diag_free(&dl);
	style_free(&st);
	doc_pages_free(d);
	free(pdf);
}
END_TEST

START_TEST(test_bad_images)
{
	char *good = tmp("good.pdf"), *bad = tmp("bad.png"), *ls;
	char *missing = tmp("none.png"), *gif = tmp("logo.gif");
	struct doc_pages *d;
	struct style st;
	struct diag_list dl;
	size_t n0, n1;
	char *before, *after, *want;

	build(good, NULL);
	before = slurp(good, &n0);
	write_file(bad, "\x89PNG\r\n\x1a\nnot really a png");
	write_file(gif, "GIF89a");

	/* a corrupt PNG: a diagnostic naming it, no crash, file intact */
	d = make_doc(bad);
	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, good, &dl), PDF_BAD_INPUT);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_PDF_IMAGE);
	want = xasprintf("cannot decode image `%s`: ", bad);
	ck_assert_msg(strncmp(dl.v[0].msg, want, strlen(want)) == 0, "%s",
	    dl.v[0].msg);
	free(want);
	after = slurp(good, &n1);
	ck_assert_uint_eq(n0, n1);
	ck_assert_int_eq(memcmp(before, after, n0), 0);
	free(after);
	diag_free(&dl);
	doc_pages_free(d);

	/* missing, and not PNG/JPEG: every bad image is reported */
	d = make_doc(missing);
	page_add_box(&d->page[3], BOX_IMAGE)->path = xstrdup(gif);
	page_add_box(&d->page[3], BOX_IMAGE)->path = xstrdup(missing);
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, good, &dl), PDF_BAD_INPUT);
	ck_assert_uint_eq(dl.n, 2);
	want = xasprintf("cannot read image `%s`: No such file or directory",
	    missing);
	ck_assert_str_eq(dl.v[0].msg, want);
	free(want);
	want = xasprintf("image `%s` is neither .png nor .jpg", gif);
	ck_assert_str_eq(dl.v[1].msg, want);
	free(want);
	after = slurp(good, &n1);
	ck_assert_uint_eq(n0, n1);
	ck_assert_int_eq(memcmp(before, after, n0), 0);
	ls = listing();
	ck_assert_str_eq(ls, "bad.png good.pdf logo.gif logo.png ");
	free(ls);
	free(after);
	free(before);
	diag_free(&dl);
	doc_pages_free(d);
	style_free(&st);
	free(good);
	free(bad);
	free(missing);
	free(gif);
}
END_TEST

/* JPEGs are copied as they are; pdftoppm makes one, so no fixture. */
START_TEST(test_jpeg)
{
	char *pdf = tmp("a.pdf"), *jpg = tmp("pg-1.jpg"), *bad = tmp("bad.jpg");
	char *out2 = tmp("b.pdf"), *cmd, *out, *err, *want;
	struct doc_pages *d;
	struct style st;
	struct diag_list dl;

	build(pdf, NULL);
	cmd = xasprintf("pdftoppm -r 10 -f 1 -l 1 -jpeg '%s' '%s/pg'", pdf,
	    tmpdir);
	out = run(cmd, NULL);
	free(out);
	free(cmd);
	d = make_doc(jpg);
	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, out2, &dl), PDF_OK);
	ck_assert_uint_eq(dl.n, 0);
	cmd = xasprintf("qpdf --check '%s' >/dev/null && qpdf --qdf '%s' - | "
	    "grep -c DCTDecode", out2, out2);
	out = run(cmd, &err);
	ck_assert_str_eq(out, "1\n");
	free(out);
	free(err);
	free(cmd);
	doc_pages_free(d);

	/* libharu takes a broken JPEG as it is: pdf.c checks the markers */
	write_file(bad, "\xFF\xD8\xFF\xE0 this is not a jpeg at all, only text");
	d = make_doc(bad);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, out2, &dl), PDF_BAD_INPUT);
	ck_assert_uint_eq(dl.n, 1);
	want = xasprintf("cannot decode image `%s`: broken marker structure",
	    bad);
	ck_assert_str_eq(dl.v[0].msg, want);
	free(want);
	diag_free(&dl);
	doc_pages_free(d);
	/* a truncated one */
	cmd = xasprintf("(head -c -50 '%s' > '%s')", jpg, bad);
	out = run(cmd, NULL);
	free(out);
	free(cmd);
	diag_init(&dl);
	d = make_doc(bad);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, out2, &dl), PDF_BAD_INPUT);
	ck_assert_uint_eq(dl.n, 1);
	want = xasprintf("cannot decode image `%s`: truncated (no end marker)",
	    bad);
	ck_assert_str_eq(dl.v[0].msg, want);
	free(want);
	diag_free(&dl);
	doc_pages_free(d);
	style_free(&st);
	free(pdf);
	free(jpg);
	free(bad);
	free(out2);
}
END_TEST

START_TEST(test_unwritable)
{
	char *file = tmp("plain"), *inside = tmp("plain/x.pdf");
	char *dir = tmp("dir.pdf"), *keep, *want, *ls;
	char *logo = tmp("logo.png");
	struct doc_pages *d;
	struct style st;
	struct diag_list dl;

	write_png(logo);
	d = make_doc(logo);
	style_default(&st);
	write_file(file, "old");
	ck_assert_int_eq(mkdir(dir, 0755), 0);

	/* the folder cannot hold files (tests may run as root: no chmod) */
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, inside, &dl), PDF_FAIL);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_IO_WRITE);
	want = xasprintf("cannot create a temporary file beside `%s`: Not a "
	    "directory", inside);
	ck_assert_str_eq(dl.v[0].msg, want);
	free(want);
	diag_free(&dl);
	keep = slurp(file, NULL);
	ck_assert_str_eq(keep, "old");
	free(keep);

	/* the rename fails after the whole file was written: temp removed */
	diag_init(&dl);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, dir, &dl), PDF_FAIL);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_IO_WRITE);
	want = xasprintf("cannot write `%s`: Is a directory", dir);
	ck_assert_str_eq(dl.v[0].msg, want);
	free(want);
	diag_free(&dl);
	ls = listing();
	ck_assert_str_eq(ls, "dir.pdf logo.png plain ");
	free(ls);

	style_free(&st);
	doc_pages_free(d);
	free(file);
	free(inside);
	free(dir);
	free(logo);
}
END_TEST

START_TEST(test_check_output)
{
	char *plan = tmp("plan.yaml"), *alias = tmp("alias.yaml");
	char *out = tmp("out.pdf");
	const char *inputs[2];
	struct diag_list dl;

	write_file(plan, "versi: rencana/1\n");
	ck_assert_int_eq(link(plan, alias), 0);
	inputs[0] = out;	/* does not exist yet: fine */
	inputs[1] = plan;
	diag_init(&dl);
	ck_assert_int_eq(output_check_inputs(out, inputs, 2, &dl), 0);
	ck_assert_int_eq(output_check_inputs("-", inputs, 2, &dl), 0);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_int_eq(output_check_inputs(alias, inputs, 2, &dl), -1);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_PDF_OVERWRITE_INPUT);
	ck_assert_ptr_nonnull(strstr(dl.v[0].msg, "plan.yaml`"));
	diag_free(&dl);
	free(plan);
	free(alias);
	free(out);
}
END_TEST

START_TEST(test_default_fontdir)
{
	char *d;

	setenv("RENCANA_FONTS", "/opt/f", 1);
	d = pdf_default_fontdir();
	ck_assert_str_eq(d, "/opt/f");
	free(d);
	setenv("RENCANA_FONTS", "", 1);
	d = pdf_default_fontdir();
	/* the test binary lives in build/, which has no fonts/ */
	ck_assert_str_eq(d, "/usr/share/fonts/truetype/liberation2");
	free(d);
	unsetenv("RENCANA_FONTS");
}
END_TEST

/* Where pdftotext -bbox puts the word `cc`. */
static double
cc_xmin(const char *out)
{
	const char *w = strstr(out, ">cc</word>");
	double x0;

	ck_assert_ptr_nonnull(w);
	while (w > out && strncmp(w, "<word", 5) != 0)
		w--;
	ck_assert_int_eq(sscanf(w, "<word xMin=\"%lf\"", &x0), 1);
	return x0;
}

/*
 * Justification with our Type 0 fonts (issue 17): code 32 is a one-byte
 * code of their CMap, so Tw still applies to it (with Identity-H it would
 * not).  The last word of a line with word and letter spacing starts
 * where Tw and Tc put it.
 */
START_TEST(test_justified_words)
{
	char *pdf = tmp("just.pdf");
	char *cmd = xasprintf("pdftotext -bbox '%s' -", pdf);
	struct doc_pages *d = doc_pages_new(A4_W, A4_H);
	struct page *pg = doc_pages_add(d);
	struct box *b;
	struct style st;
	struct diag_list dl;
	struct metrics m;
	char *out, *err;
	double x0, want;

	b = page_add_text(pg, 72, 700, FONT_REGULAR, 11, "aa bb cc", 8);
	b->word_space_pt = 7.25;
	b->char_space_pt = 0.5;
	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_metrics(&st, FONTS, &m, &dl), PDF_OK);
	ck_assert_int_eq(pdf_write(d, &st, FONTS, pdf, &dl), PDF_OK);
	out = run(cmd, &err);
	x0 = cc_xmin(out);
	want = 72 + metrics_width(&m, FONT_REGULAR, "aa bb ", 6, 11) +
	    2 * 7.25 + 6 * 0.5;
	ck_assert_msg(x0 > want - 0.01 && x0 < want + 0.01,
	    "`cc` at %f, Tw and Tc put it at %f", x0, want);
	diag_free(&dl);
	style_free(&st);
	doc_pages_free(d);
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

/*
 * Characters outside WinAnsi (issue 17): measured through the face, drawn
 * in the Identity-H font among one-byte text, given back by pdftotext,
 * with Tw still on the spaces and Tc on every glyph of either font.
 */
START_TEST(test_unicode_text)
{
	static const char pre[] = "x \xe2\x89\xa5 80% \xe2\x86\x92 "
	    "\xc3\x87" "a\xc4\x9f" "lar ";	/* x ≥ 80% → Çağlar */
	char *pdf = tmp("uni.pdf");
	char *cmd = xasprintf("pdftotext -bbox '%s' -", pdf);
	char *cmd2 = xasprintf("pdffonts '%s'", pdf);
	/* wide word spaces make pdftotext set the words apart */
	char *cmd3 = xasprintf("pdftotext '%s' - | tr -s '\\n' ' '", pdf);
	char *text = xasprintf("%scc", pre);
	struct doc_pages *d = doc_pages_new(A4_W, A4_H);
	struct page *pg = doc_pages_add(d);
	struct box *b;
	struct style st;
	struct diag_list dl;
	struct metrics m;
	char *out, *err;
	double x0, want;

	style_default(&st);
	diag_init(&dl);
	ck_assert_int_eq(pdf_metrics(&st, FONTS, &m, &dl), PDF_OK);
	/* ≥ is 1123/2048 em in Liberation Sans; CJK it lacks */
	ck_assert_uint_eq(metrics_units(&m, FONT_REGULAR, "\xe2\x89\xa5", 3),
	    548);
	ck_assert(metrics_has(&m, FONT_BOLD, 0x011F));	/* ğ */
	ck_assert(!metrics_has(&m, FONT_REGULAR, 0x4E00));
	ck_assert(!metrics_has(&m, FONT_ITALIC, 0x1F600));
	b = page_add_text(pg, 72, 700, FONT_REGULAR, 11, text, strlen(text));
	b->word_space_pt = 7.25;
	b->char_space_pt = 0.5;
	ck_assert_int_eq(pdf_write(d, &st, FONTS, pdf, &dl), PDF_OK);
	ck_assert_uint_eq(dl.n, 0);
	out = run(cmd3, &err);
	ck_assert_msg(strstr(out, text) != NULL, "not extracted: %s", out);
	free(out);
	free(err);
	/* the one-byte font and the Identity-H one, both subset with maps */
	out = run(cmd2, &err);
	ck_assert_ptr_nonnull(strstr(out, "Custom           yes yes yes"));
	ck_assert_ptr_nonnull(strstr(out, "Identity-H       yes yes yes"));
	free(out);
	free(err);
	out = run(cmd, &err);
	x0 = cc_xmin(out);
	/* five spaces widened by Tw; Tc after each of 17 characters */
	want = 72 + metrics_width(&m, FONT_REGULAR, pre, strlen(pre), 11) +
	    5 * 7.25 + 17 * 0.5;
	ck_assert_uint_eq(utf8_count(pre, strlen(pre)), 17);
	ck_assert_msg(x0 > want - 0.01 && x0 < want + 0.01,
	    "`cc` at %f, Tw and Tc put it at %f", x0, want);
	diag_free(&dl);
	style_free(&st);
	doc_pages_free(d);
	free(out);
	free(err);
	free(cmd);
	free(cmd2);
	free(cmd3);
	free(text);
	free(pdf);
}
END_TEST

/* How many times s occurs in raw[0..n) (0: not at all). */
static size_t
contains(const char *raw, size_t n, const char *s)
{
	size_t k = strlen(s), i, c = 0;

	for (i = 0; i + k <= n; i++)
		if (memcmp(raw + i, s, k) == 0)
			c++;
	return c;
}

/* Objects packed into object streams with a cross-reference stream
 * (pdfpack.c): PDF 1.5, no xref table, and still what qpdf accepts. */
START_TEST(test_packed)
{
	char *pdf = tmp("a.pdf"), *cmd = xasprintf("pdfinfo '%s'", pdf);
	char *out, *err, *raw, *v;
	size_t n;

	build(pdf, NULL);
	raw = slurp(pdf, &n);
	ck_assert_int_eq(memcmp(raw, "%PDF-1.5\n", 9), 0);
	ck_assert(contains(raw, n, "/Type /ObjStm"));
	ck_assert(contains(raw, n, "/Type /XRef"));
	ck_assert(!contains(raw, n, "\nxref\n"));
	ck_assert(!contains(raw, n, "trailer"));
	out = run(cmd, &err);
	ck_assert_ptr_nonnull(v = strstr(out, "PDF version:"));
	v += strspn(v + 12, " ") + 12;
	ck_assert_int_eq(strncmp(v, "1.5\n", 4), 0);
	ck_assert_str_eq(err, "");
	free(raw);
	free(out);
	free(err);
	free(cmd);
	free(pdf);
}
END_TEST

/* Content and font streams deflated by rencana (pdf.c's put_flate), not
 * libharu: each still says /Filter /FlateDecode, qpdf decodes them all,
 * and the page's operators are there once decoded. */
START_TEST(test_own_deflate)
{
	char *pdf = tmp("a.pdf");
	char *chk = xasprintf("qpdf --check '%s'", pdf);
	char *qdf = xasprintf("qpdf --qdf --object-streams=disable '%s' -", pdf);
	char *out, *err, *raw;
	size_t n, streams, filters;

	build(pdf, NULL);
	out = run(chk, &err);
	ck_assert_ptr_nonnull(strstr(out, "No syntax or stream encoding errors"));
	free(out);
	free(err);
	/* every stream in the file (none is uncompressed) names its filter */
	raw = slurp(pdf, &n);
	streams = contains(raw, n, ">>\nstream");
	filters = contains(raw, n, "/Filter /FlateDecode") +
	    contains(raw, n, "/Filter [/FlateDecode") +
	    contains(raw, n, "/Filter [ /FlateDecode");
	ck_assert_uint_gt(streams, 0);
	ck_assert_uint_ge(filters, streams);
	free(raw);
	out = run(qdf, &err);
	ck_assert_ptr_nonnull(strstr(out, " Tm\n"));
	ck_assert_ptr_nonnull(strstr(out, " Tj\n"));
	free(out);
	free(err);
	free(qdf);
	free(chk);
	free(pdf);
}
END_TEST

/* The deflater: zlib format (header 0x78), the same bytes twice, and an
 * empty input is still a valid stream. */
START_TEST(test_deflater)
{
	struct deflater *d = deflater_new(1);
	struct buf a = BUF_INIT, b = BUF_INIT, e = BUF_INIT;
	const char *in = "BT /F1 11 Tf 1 0 0 1 72 720 Tm (Rencana) Tj ET\n"
	    "BT /F1 11 Tf 1 0 0 1 72 706 Tm (Rencana) Tj ET\n";

	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(deflater_put(d, in, strlen(in), &a), 0);
	ck_assert_int_eq(deflater_put(d, in, strlen(in), &b), 0);
	ck_assert_uint_gt(a.len, 2);
	ck_assert_uint_lt(a.len, strlen(in));
	ck_assert_int_eq((unsigned char)a.data[0], 0x78);
	ck_assert(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	ck_assert_int_eq(deflater_put(d, "", 0, &e), 0);
	ck_assert_uint_gt(e.len, 0);
	buf_free(&a);
	buf_free(&b);
	buf_free(&e);
	deflater_free(d);
}
END_TEST

Suite *
pdf_suite(void)
{
	Suite *s = suite_create("pdf");
	TCase *tc = tcase_create("write");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_qpdf_check);
	tcase_add_test(tc, test_own_deflate);
	tcase_add_test(tc, test_deflater);
	tcase_add_test(tc, test_fonts_embedded);
	tcase_add_test(tc, test_text_extracts);
	tcase_add_test(tc, test_info);
	tcase_add_test(tc, test_structure);
	tcase_add_test(tc, test_outlines);
	tcase_add_test(tc, test_metrics_match_output);
	tcase_add_test(tc, test_metrics_match_libharu);
	tcase_add_test(tc, test_measuring_embeds_nothing);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_threads);
	tcase_add_test(tc, test_missing_fonts);
	tcase_add_test(tc, test_bad_images);
	tcase_add_test(tc, test_jpeg);
	tcase_add_test(tc, test_unwritable);
	tcase_add_test(tc, test_check_output);
	tcase_add_test(tc, test_default_fontdir);
	tcase_add_test(tc, test_justified_words);
	tcase_add_test(tc, test_unicode_text);
	tcase_add_test(tc, test_packed);
	suite_add_tcase(s, tc);
	return s;
}
