/*
 * rencana: template styles: built-in defaults, paper sizes, and gaya.yaml,
 * a template's typographic settings, read with the plan loader and checked
 * like a plan (unknown keys with a suggestion, types, ranges, positions).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "plan.h"
#include "style.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
#define STYLE_MAX_EXCEPTIONS	10000	/* a hyphenation exception list is < 1000 words */
#define STYLE_MAX_KEYLEN	64	/* keys longer than any valid one get no suggestion */

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
	s->caption_word = xstrdup("Tabel");
	s->chapter_word = xstrdup("BAB");
	s->draft_word = xstrdup("KONSEP");
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

void
style_free(struct style *s)
{
	size_t i;

	for (i = 0; i < 4; i++)
		free(s->font[i]);
	for (i = 0; i < s->nhyph_exceptions; i++)
		free(s->hyph_exceptions[i]);
	free(s->hyph_exceptions);
	free(s->caption_word);
	free(s->chapter_word);
	free(s->draft_word);
	free(s->logo);
	memset(s, 0, sizeof(*s));
}

/* ---- gaya.yaml ------------------------------------------------------------ */

enum sk_type {
	SK_MAP,		/* a map of further keys */
	SK_NUM,		/* a number in [min, max] */
	SK_BOOL,	/* true / false */
	SK_STR,		/* text */
	SK_PAPER,	/* A4 F4 letter */
	SK_PAGENUM,	/* where page numbers go */
	SK_HEADNUM,	/* how sections are numbered */
	SK_LIST		/* a list of text (hyphenation exceptions) */
};

/* Every key of gaya.yaml: its dotted path, type, field and range. */
static const struct style_key {
	const char	*path;
	enum sk_type	 type;
	size_t		 off;		/* offset in struct style */
	double		 min, max;
	const char	*doc;
} style_keys[] = {
#define F(x) offsetof(struct style, x)
	{ "kertas", SK_PAPER, 0, 0, 0, "A4, F4 or letter" },
	{ "margin_mm", SK_MAP, 0, 0, 0, NULL },
	{ "margin_mm.atas", SK_NUM, F(margin_top_mm), 0, 100, NULL },
	{ "margin_mm.bawah", SK_NUM, F(margin_bottom_mm), 0, 100, NULL },
	{ "margin_mm.kiri", SK_NUM, F(margin_left_mm), 0, 100, NULL },
	{ "margin_mm.kanan", SK_NUM, F(margin_right_mm), 0, 100, NULL },
	{ "huruf", SK_MAP, 0, 0, 0, NULL },
	{ "huruf.biasa", SK_STR, F(font[0]), 0, 0, NULL },
	{ "huruf.tebal", SK_STR, F(font[1]), 0, 0, NULL },
	{ "huruf.miring", SK_STR, F(font[2]), 0, 0, NULL },
	{ "huruf.tebal_miring", SK_STR, F(font[3]), 0, 0, NULL },
	{ "ukuran_pt", SK_MAP, 0, 0, 0, NULL },
	{ "ukuran_pt.isi", SK_NUM, F(body_size_pt), 4, 72, NULL },
	{ "ukuran_pt.bab", SK_NUM, F(h1_size_pt), 4, 72, NULL },
	{ "ukuran_pt.subbab", SK_NUM, F(h2_size_pt), 4, 72, NULL },
	{ "ukuran_pt.subsubbab", SK_NUM, F(h3_size_pt), 4, 72, NULL },
	{ "ukuran_pt.sampul", SK_NUM, F(cover_title_size_pt), 4, 72, NULL },
	{ "ukuran_pt.tabel", SK_NUM, F(table_size_pt), 4, 72, NULL },
	{ "spasi_baris", SK_NUM, F(line_spacing), 0.8, 4, NULL },
	{ "spasi_paragraf_pt", SK_NUM, F(paragraph_space_pt), 0, 72, NULL },
	{ "indentasi_mm", SK_NUM, F(first_indent_mm), 0, 50, NULL },
	{ "penomoran_judul", SK_HEADNUM, F(headnum), 0, 0, "desimal or huruf" },
	{ "nomor_halaman", SK_PAGENUM, F(pagenum), 0, 0,
	    "bawah-tengah, atas-tengah, bawah-kanan or tidak-ada" },
	{ "pemenggalan", SK_BOOL, F(hyphenate), 0, 0, NULL },
	{ "pengecualian_pemenggalan", SK_LIST, 0, 0, 0, NULL },
	{ "kata_tabel", SK_STR, F(caption_word), 0, 0, NULL },
	{ "kata_konsep", SK_STR, F(draft_word), 0, 0, NULL },
#undef F
};

#define NKEYS (sizeof(style_keys) / sizeof(style_keys[0]))

/* Edit distance of two short strings (both < STYLE_MAX_KEYLEN). */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[STYLE_MAX_KEYLEN + 1];

	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The valid key under `prefix` ("" or "margin_mm.") nearest to key, or NULL. */
static const char *
nearest_key(const char *prefix, const char *key)
{
	size_t i, best = (size_t)-1, plen = strlen(prefix);
	const char *found = NULL;

	if (strlen(key) >= STYLE_MAX_KEYLEN)
		return NULL;
	for (i = 0; i < NKEYS; i++) {
		const char *k = style_keys[i].path;
		size_t d;

		if (strncmp(k, prefix, plen) != 0 || strchr(k + plen, '.') != NULL ||
		    strlen(k + plen) >= STYLE_MAX_KEYLEN)
			continue;
		d = edit_distance(key, k + plen);
		/* A key typed without its unit suffix: `ukuran` for `ukuran_pt`. */
		if (strncmp(k + plen, key, strlen(key)) == 0 && d > 1)
			d = 1;
		if (d < best) {
			best = d;
			found = k + plen;
		}
	}
	/* Only a near miss is a useful suggestion. */
	return best <= 2 || (found && best * 3 <= strlen(key)) ? found : NULL;
}

static const struct style_key *
find_key(const char *path)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strcmp(style_keys[i].path, path) == 0)
			return &style_keys[i];
	return NULL;
}

static void
set_value(struct style *st, const struct style_key *k, const struct pnode *v,
    const char *path, struct diag_list *dl)
{
	char *field = (char *)st + k->off;
	const char *s = v->type == PN_STR ? v->str : NULL;

	switch (k->type) {
	case SK_MAP:
		if (v->type != PN_MAP)
			diag_add(dl, D_STYLE_VALUE, &v->pos, path, "expected a map");
		return;
	case SK_LIST:
		break;
	default:
		if (s == NULL) {
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "expected a single value, not a map or list");
			return;
		}
	}
	switch (k->type) {
	case SK_NUM: {
		char *end;
		double d = strtod(s, &end);

		if (*s == '\0' || *end != '\0' || s[strspn(s, "0123456789.-+")] != '\0')
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "`%s` is not a number", s);
		else if (d < k->min || d > k->max)
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "%s is out of range; use %g to %g", s, k->min, k->max);
		else
			*(double *)(void *)field = d;
		break;
	}
	case SK_BOOL:
		if (strcmp(s, "true") == 0 && v->style == PN_PLAIN)
			*(int *)(void *)field = 1;
		else if (strcmp(s, "false") == 0 && v->style == PN_PLAIN)
			*(int *)(void *)field = 0;
		else
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "`%s` is not true or false", s);
		break;
	case SK_STR:
		if (*s == '\0') {
			diag_add(dl, D_STYLE_VALUE, &v->pos, path, "must not be empty");
			break;
		}
		free(*(char **)(void *)field);
		*(char **)(void *)field = xstrdup(s);
		break;
	case SK_PAPER:
		if (style_set_paper(st, s) != 0)
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "unknown paper `%s`; use %s", s, k->doc);
		break;
	case SK_HEADNUM:
		if (strcmp(s, "desimal") == 0)
			st->headnum = HEADNUM_DECIMAL;
		else if (strcmp(s, "huruf") == 0)
			st->headnum = HEADNUM_LETTER;
		else
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "unknown numbering `%s`; use %s", s, k->doc);
		break;
	case SK_PAGENUM:
		if (strcmp(s, "bawah-tengah") == 0)
			st->pagenum = PAGENUM_BOTTOM_CENTER;
		else if (strcmp(s, "atas-tengah") == 0)
			st->pagenum = PAGENUM_TOP_CENTER;
		else if (strcmp(s, "bawah-kanan") == 0)
			st->pagenum = PAGENUM_BOTTOM_RIGHT;
		else if (strcmp(s, "tidak-ada") == 0)
			st->pagenum = PAGENUM_NONE;
		else
			diag_add(dl, D_STYLE_VALUE, &v->pos, path,
			    "unknown position `%s`; use %s", s, k->doc);
		break;
	case SK_LIST: {
		const struct pnode *it;

		if (v->type != PN_SEQ) {
			diag_add(dl, D_STYLE_VALUE, &v->pos, path, "expected a list");
			break;
		}
		for (it = v->first; it != NULL; it = it->next) {
			if (it->type != PN_STR || it->len == 0) {
				char *ip = pnode_path(it);

				diag_add(dl, D_STYLE_VALUE, &it->pos, ip,
				    "expected a word such as `pe-ngem-bang-an`");
				free(ip);
				continue;
			}
			if (st->nhyph_exceptions >= STYLE_MAX_EXCEPTIONS)
				break;
			st->hyph_exceptions = xrealloc(st->hyph_exceptions,
			    (st->nhyph_exceptions + 1) * sizeof(char *));
			st->hyph_exceptions[st->nhyph_exceptions++] = xstrdup(it->str);
		}
		break;
	}
	case SK_MAP:
		break;
	}
}

/* Checks the members of one map of gaya.yaml; prefix is "" or "huruf.". */
static void
load_map(struct style *st, const struct pnode *map, const char *prefix,
    struct diag_list *dl)
{
	const struct pnode *m;

	for (m = map->first; m != NULL; m = m->next) {
		char *full = xasprintf("%s%s", prefix, m->key);
		const struct style_key *k = find_key(full);

		if (k == NULL) {
			const char *near = nearest_key(prefix, m->key);

			if (near != NULL)
				diag_add(dl, D_STYLE_KEY, &m->keypos, full,
				    "unknown key `%s`; did you mean `%s`?", m->key, near);
			else
				diag_add(dl, D_STYLE_KEY, &m->keypos, full,
				    "unknown key `%s`", m->key);
		} else {
			set_value(st, k, m, full, dl);
			if (k->type == SK_MAP && m->type == PN_MAP) {
				char *pre = xasprintf("%s.", full);

				load_map(st, m, pre, dl);
				free(pre);
			}
		}
		free(full);
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

int
style_load_buffer(const char *name, const char *text, size_t len,
    struct style *st, struct diag_list *dl)
{
	size_t before = dl->nerror;
	struct plan *pl = plan_load_buffer(name, text, len, dl);
	int rc = -1;

	if (pl == NULL || pl->root == NULL)
		goto out;
	if (pl->root->type != PN_MAP) {
		diag_add(dl, D_STYLE_VALUE, &pl->root->pos, NULL,
		    "a style file is a map of settings");
		goto out;
	}
	load_map(st, pl->root, "", dl);
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
