/*
 * rencana: template styles: built-in defaults, paper sizes, and gaya.yaml,
 * a template's typographic settings, read with the plan loader and checked
 * by the plan's validator against the tables below (unknown keys with a
 * suggestion, types, ranges, positions).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "plan.h"
#include "schema.h"
#include "style.h"
#include "validate.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
#define STYLE_MAX_EXCEPTIONS	10000	/* a hyphenation exception list is < 1000 words */

void
style_default(struct style *s)
{
	memset(s, 0, sizeof(*s));
	s->paper_w_mm = 210;
	s->paper_h_mm = 297;
	s->margin_top_mm = 20;
	s->margin_bottom_mm = 25;
	s->margin_left_mm = 30;
	s->margin_right_mm = 20;
	s->font[0] = xstrdup("LiberationSans-Regular.ttf");
	s->font[1] = xstrdup("LiberationSans-Bold.ttf");
	s->font[2] = xstrdup("LiberationSans-Italic.ttf");
	s->font[3] = xstrdup("LiberationSans-BoldItalic.ttf");
	s->body_size_pt = 12;
	s->line_spacing = 1.5;
	s->paragraph_space_pt = 6;
	s->first_indent_mm = 10;
	s->h1_size_pt = 14;
	s->h2_size_pt = 12;
	s->h3_size_pt = 12;
	s->cover_title_size_pt = 20;
	s->table_size_pt = 10;
	s->pagenum = PAGENUM_BOTTOM_CENTER;
	s->headnum = HEADNUM_DECIMAL;
	s->hyphenate = 1;
	s->hyph_run_max = 2;
	s->caption_word = xstrdup("Tabel");
	s->figure_word = xstrdup("Gambar");
	s->charts = 1;
	s->chapter_word = xstrdup("BAB");
	s->appendix_word = xstrdup("LAMPIRAN");
	s->draft_word = xstrdup("KONSEP");
	s->cont_word = xstrdup("Lanjutan");
}

int
style_set_paper(struct style *s, const char *name)
{
	if (strcmp(name, "A4") == 0) {
		s->paper_w_mm = 210;
		s->paper_h_mm = 297;
	} else if (strcmp(name, "F4") == 0) {
		s->paper_w_mm = 215;
		s->paper_h_mm = 330;
	} else if (strcmp(name, "letter") == 0) {
		s->paper_w_mm = 215.9;
		s->paper_h_mm = 279.4;
	} else
		return -1;
	return 0;
}

/* ---- table orientation (issue 12: landscape pages) ---- */

static void
style_orient_free(struct style *s)
{
	size_t i;
	int o;

	for (o = 0; o < ORIENT__COUNT; o++) {
		for (i = 0; i < s->norient_kind[o]; i++)
			free(s->orient_kind[o][i]);
		free(s->orient_kind[o]);
	}
}

enum style_orient
style_table_orient(const struct style *s, const char *kind)
{
	const char *k[2] = { kind, "semua" };
	size_t i;
	int o, j;

	for (j = 0; j < 2; j++)
		for (o = 0; k[j] != NULL && o < ORIENT__COUNT; o++)
			for (i = 0; i < s->norient_kind[o]; i++)
				if (strcmp(s->orient_kind[o][i], k[j]) == 0)
					return (enum style_orient)o;
	return ORIENT_AUTO;
}

void
style_free(struct style *s)
{
	size_t i;

	for (i = 0; i < 4; i++)
		free(s->font[i]);
	for (i = 0; i < s->nhyph_exceptions; i++)
		free(s->hyph_exceptions[i]);
	free(s->hyph_exceptions);
	for (i = 0; i < s->nforeign; i++)
		free(s->foreign[i]);
	free(s->foreign);
	for (i = 0; i < s->nnames; i++)
		free(s->names[i]);
	free(s->names);
	free(s->caption_word);
	free(s->figure_word);
	free(s->chapter_word);
	free(s->appendix_word);
	free(s->draft_word);
	free(s->cont_word);
	free(s->logo);
	style_orient_free(s);
	memset(s, 0, sizeof(*s));
}

/* ---- gaya.yaml ------------------------------------------------------------ */

/*
 * The keys of gaya.yaml as schema tables (schema.h), checked by the plan's
 * validator (validate_tree): the same "did you mean", type and range
 * messages, with positions.  `off` says where a value goes in struct style.
 */
#define F(x)		offsetof(struct style, x)
#define KEY(k, t, desc, ch, lo, hi, o) \
	{ k, SCHEMA_##t, 0, SCHEMA_CHECK_NONE, NULL, NULL, desc, NULL, ch, lo, hi, o }
#define NUM(k, desc, lo, hi, o)	KEY(k, NUMBER, desc, NULL, lo, hi, o)
#define STR(k, desc, o)		KEY(k, STRING, desc, NULL, 0, 0, o)
#define ENUM(k, v, desc, o) \
	{ k, SCHEMA_ENUM, 0, SCHEMA_CHECK_NONE, v, NULL, desc, NULL, NULL, 0, 0, o }
#define MAP(k, desc, ch)	KEY(k, MAP, desc, ch, 0, 0, 0)
#define KEND			{ NULL, SCHEMA_STRING, 0, SCHEMA_CHECK_NONE, NULL, NULL, \
				  NULL, NULL, NULL, 0, 0, 0 }

static const struct schema_value v_paper[] = {
	{ "A4", NULL, NULL }, { "F4", NULL, NULL }, { "letter", NULL, NULL },
	{ NULL, NULL, NULL }
};
/* In the order of enum style_pagenum and enum style_heading_num. */
static const struct schema_value v_pagenum[] = {
	{ "bawah-tengah", NULL, NULL }, { "atas-tengah", NULL, NULL },
	{ "bawah-kanan", NULL, NULL }, { "tidak-ada", NULL, NULL },
	{ NULL, NULL, NULL }
};
static const struct schema_value v_headnum[] = {
	{ "desimal", NULL, NULL }, { "huruf", NULL, NULL }, { NULL, NULL, NULL }
};
_Static_assert(sizeof(enum style_pagenum) == sizeof(int) &&
    sizeof(enum style_heading_num) == sizeof(int), "enums stored as int");

static const struct schema_field k_margin[] = {
	NUM("atas", "margin atas", 0, 100, F(margin_top_mm)),
	NUM("bawah", "margin bawah", 0, 100, F(margin_bottom_mm)),
	NUM("kiri", "margin kiri", 0, 100, F(margin_left_mm)),
	NUM("kanan", "margin kanan", 0, 100, F(margin_right_mm)),
	KEND
};
static const struct schema_field k_font[] = {
	STR("biasa", "fon biasa", F(font[0])),
	STR("tebal", "fon tebal", F(font[1])),
	STR("miring", "fon miring", F(font[2])),
	STR("tebal_miring", "fon tebal miring", F(font[3])),
	KEND
};
static const struct schema_field k_size[] = {
	NUM("isi", "teks isi", 4, 72, F(body_size_pt)),
	NUM("bab", "judul bab", 4, 72, F(h1_size_pt)),
	NUM("subbab", "judul subbab", 4, 72, F(h2_size_pt)),
	NUM("subsubbab", "judul subsubbab", 4, 72, F(h3_size_pt)),
	NUM("sampul", "judul sampul", 4, 72, F(cover_title_size_pt)),
	NUM("tabel", "teks tabel", 4, 72, F(table_size_pt)),
	KEND
};
static const struct schema_field k_kind =
	KEY(NULL, STRING, "jenis tabel (`jenis` pada `rencana-tabel` di templat) atau `semua`",
	    NULL, 0, 0, 0);
/* In the order of enum style_orient. */
static const struct schema_field k_orient[] = {
	KEY("otomatis", LIST, "jenis tabel yang dicetak lanskap bila tidak muat tegak",
	    &k_kind, 0, 0, F(orient_kind[ORIENT_AUTO])),
	KEY("potret", LIST, "jenis tabel yang selalu dicetak tegak",
	    &k_kind, 0, 0, F(orient_kind[ORIENT_PORTRAIT])),
	KEY("lanskap", LIST, "jenis tabel yang selalu dicetak mendatar (lanskap)",
	    &k_kind, 0, 0, F(orient_kind[ORIENT_LANDSCAPE])),
	KEND
};
static const struct schema_field k_word =
	KEY(NULL, STRING, "kata dengan tanda pemenggalan: pe-ngem-bang-an", NULL, 0, 0, 0);
static const struct schema_field k_term =
	KEY(NULL, STRING, "istilah asing; `-istilah` menghapus istilah dari templat dasar",
	    NULL, 0, 0, 0);
static const struct schema_field k_style[] = {
	ENUM("kertas", v_paper, "ukuran kertas", 0),
	MAP("margin_mm", "margin halaman", k_margin),
	MAP("huruf", "berkas fon", k_font),
	MAP("ukuran_pt", "ukuran huruf", k_size),
	NUM("spasi_baris", "spasi baris", 0.8, 4, F(line_spacing)),
	NUM("spasi_paragraf_pt", "jarak antarparagraf", 0, 72, F(paragraph_space_pt)),
	NUM("indentasi_mm", "indentasi baris pertama", 0, 50, F(first_indent_mm)),
	ENUM("penomoran_judul", v_headnum, "penomoran judul", F(headnum)),
	ENUM("nomor_halaman", v_pagenum, "letak nomor halaman", F(pagenum)),
	KEY("pemenggalan", BOOL, "pemenggalan kata", NULL, 0, 0, F(hyphenate)),
	KEY("pengecualian_pemenggalan", LIST, "kata dengan pemenggalan sendiri",
	    &k_word, 0, 0, F(hyph_exceptions)),
	NUM("pemenggalan_berturut", "baris berturut-turut yang dipenggal",
	    1, 10, F(hyph_run_max)),
	KEY("istilah_asing", LIST, "istilah asing yang dicetak miring",
	    &k_term, 0, 0, F(foreign)),
	STR("kata_tabel", "kata keterangan tabel", F(caption_word)),
	STR("kata_konsep", "tanda konsep", F(draft_word)),
	STR("kata_lanjutan_tabel", "kata di atas tabel lanjutan", F(cont_word)),
	STR("kata_gambar", "kata keterangan gambar", F(figure_word)),
	KEY("grafik", BOOL, "grafik dari data rencana (rencana-grafik)",
	    NULL, 0, 0, F(charts)),
	KEY("paraf_halaman", BOOL,
	    "kotak paraf pejabat pemroses di kanan bawah setiap halaman konsep",
	    NULL, 0, 0, F(paraf_box)),
	MAP("orientasi_tabel", "orientasi halaman tabel per jenis", k_orient),
	KEND
};
static const struct schema_field k_root =
	MAP(NULL, "gaya templat (gaya.yaml)", k_style);

#undef F

static int
is_blank(const struct pnode *v)
{
	return v->type == PN_STR && (pnode_is_null(v) || v->str[0] == '\0');
}

/*
 * `istilah_asing`: the terms of every layer add up (a kind's gaya.yaml, or
 * a copy's, adds to the base's list); `-term` takes a term out again, so a
 * plan's own template can keep one upright (`-online`).  Compared without
 * case.
 */
static void
apply_terms(struct style *st, const struct pnode *list)
{
	const struct pnode *it;
	size_t i;

	for (it = list->first; it != NULL; it = it->next) {
		const char *t = it->str;

		if (is_blank(it))
			continue;
		if (t[0] == '-') {
			for (i = 0; i < st->nforeign; i++)
				if (strcasecmp(st->foreign[i], t + 1) == 0) {
					free(st->foreign[i]);
					st->foreign[i] = st->foreign[--st->nforeign];
					i--;
				}
			continue;
		}
		if (st->nforeign >= STYLE_MAX_EXCEPTIONS)
			break;
		st->foreign = xrealloc(st->foreign,
		    (st->nforeign + 1) * sizeof(char *));
		st->foreign[st->nforeign++] = xstrdup(t);
	}
}

/*
 * One list of `orientasi_tabel` (orientation o) of one layer: each kind
 * leaves the lists it was in (a base layer's choice) and joins list o,
 * so a kind's or a copy's gaya.yaml overrides the base's.
 */
static void
apply_orient(struct style *st, const struct pnode *list, int o)
{
	const struct pnode *it;
	size_t i;
	int k;

	for (it = list->first; it != NULL; it = it->next) {
		if (is_blank(it))
			continue;
		for (k = 0; k < ORIENT__COUNT; k++)
			for (i = 0; i < st->norient_kind[k]; i++)
				if (strcmp(st->orient_kind[k][i], it->str) == 0) {
					free(st->orient_kind[k][i]);
					st->orient_kind[k][i] =
					    st->orient_kind[k][--st->norient_kind[k]];
					i--;
				}
		if (st->norient_kind[o] >= STYLE_MAX_EXCEPTIONS)
			continue;
		st->orient_kind[o] = xrealloc(st->orient_kind[o],
		    (st->norient_kind[o] + 1) * sizeof(char *));
		st->orient_kind[o][st->norient_kind[o]++] = xstrdup(it->str);
	}
}

/* Stores the members of one checked map of gaya.yaml in the style. */
static void
apply_map(struct style *st, const struct pnode *map, const struct schema_field *keys)
{
	const struct schema_field *k;
	const struct pnode *v, *it;
	char *field;
	size_t i;

	for (k = keys; k->key != NULL; k++) {
		if ((v = pnode_get(map, k->key)) == NULL || is_blank(v))
			continue;
		field = (char *)st + k->off;
		switch (k->type) {
		case SCHEMA_MAP:
			apply_map(st, v, k->children);
			break;
		case SCHEMA_NUMBER:
			*(double *)(void *)field = strtod(v->str, NULL);
			break;
		case SCHEMA_STRING:
			free(*(char **)(void *)field);
			*(char **)(void *)field = xstrdup(v->str);
			break;
		case SCHEMA_BOOL:
			*(int *)(void *)field = strcmp(v->str, "true") == 0 ||
			    strcmp(v->str, "ya") == 0;
			break;
		case SCHEMA_ENUM:
			if (k->values == v_paper) {
				style_set_paper(st, v->str);
				break;
			}
			for (i = 0; strcmp(k->values[i].value, v->str) != 0; i++)
				continue;
			*(int *)(void *)field = (int)i;
			break;
		case SCHEMA_LIST:
			if (keys == k_orient) {
				apply_orient(st, v, (int)(k - k_orient));
				break;
			}
			if (k->off == offsetof(struct style, foreign)) {
				apply_terms(st, v);
				break;
			}
			for (it = v->first; it != NULL &&
			    st->nhyph_exceptions < STYLE_MAX_EXCEPTIONS; it = it->next) {
				if (is_blank(it))
					continue;
				st->hyph_exceptions = xrealloc(st->hyph_exceptions,
				    (st->nhyph_exceptions + 1) * sizeof(char *));
				st->hyph_exceptions[st->nhyph_exceptions++] =
				    xstrdup(it->str);
			}
			break;
		default:
			break;
		}
	}
}

/*
 * Fonts the template names: a name with a `/` is a path relative to the
 * template folder (the folder of gaya.yaml), which it must stay inside
 * once links are followed (confine.c); it is replaced by its real path.  A
 * name without `/` is a file of the program's font folder (pdf.c).
 */
static void
confine_fonts(struct style *st, const struct plan *pl, struct diag_list *dl)
{
	static const char *const key[4] = {
		"biasa", "tebal", "miring", "tebal_miring"
	};
	const struct pnode *huruf = pnode_get(pl->root, "huruf"), *v;
	char *real, *path;
	int f, fd, err;

	for (f = 0; f < 4; f++) {
		if ((v = pnode_get(huruf, key[f])) == NULL || v->type != PN_STR ||
		    strchr(v->str, '/') == NULL)
			continue;
		path = xasprintf("huruf.%s", key[f]);
		if ((fd = confine_open(pl->dir, v->str, &real, &err)) < 0)
			confine_report(dl, fd, err, D_STYLE_VALUE, &v->pos, path,
			    "the font", v->str, "the template folder", pl->dir);
		else {
			close(fd);
			free(st->font[f]);
			st->font[f] = real;
		}
		free(path);
	}
}

/*
 * A table kind in two lists of one `orientasi_tabel` is a mistake (which
 * did the author mean?): an error at its second mention.
 */
static void
check_orient(const struct plan *pl, struct diag_list *dl)
{
	const struct pnode *map = pnode_get(pl->root, "orientasi_tabel");
	const struct pnode *a, *b, *x, *y;

	if (map == NULL || map->type != PN_MAP)
		return;
	for (a = map->first; a != NULL; a = a->next)
		for (b = a->next; b != NULL; b = b->next)
			for (y = b->first; y != NULL; y = y->next)
				for (x = a->first; x != NULL; x = x->next)
					if (x->type == PN_STR && y->type == PN_STR &&
					    strcmp(x->str, y->str) == 0) {
						char *path = xasprintf(
						    "orientasi_tabel.%s", b->key);

						diag_add(dl, D_STYLE_VALUE, &y->pos, path,
						    "table kind `%s` is already in `%s`: "
						    "give each kind one orientation",
						    y->str, a->key);
						free(path);
						break;
					}
}

int
style_load_buffer(const char *name, const char *text, size_t len,
    struct style *st, struct diag_list *dl)
{
	size_t before = dl->nerror;
	struct plan *pl = plan_load_buffer(name, text, len, dl);
	int rc = -1;

	if (pl == NULL || pl->root == NULL)
		goto out;
	if (validate_tree(pl->root, &k_root, D_STYLE_KEY, D_STYLE_VALUE, dl) > 0)
		goto out;
	check_orient(pl, dl);
	apply_map(st, pl->root, k_style);
	confine_fonts(st, pl, dl);
	rc = dl->nerror > before ? -1 : 0;
out:
	plan_free(pl);
	return rc;
}

int
style_load(const char *path, struct style *st, struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	int rc, err;

	/* No base folder: the caller chose the path; still a regular file. */
	if ((rc = confine_read(NULL, path, PLAN_MAX_BYTES, &b, &err)) != 0 &&
	    rc != CONFINE_TOO_LARGE) {
		confine_report(dl, rc, err, D_IO_OPEN, NULL, NULL, "the style",
		    path, "", NULL);
		buf_free(&b);
		return -1;
	}
	rc = style_load_buffer(path, buf_str(&b), b.len, st, dl);
	buf_free(&b);
	return rc;
}
