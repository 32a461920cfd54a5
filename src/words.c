/*
 * rencana: word-level typography on the block tree (issue 13): year ranges
 * with an en dash, foreign terms in italics, no breaks inside proper names.
 *
 * The pass runs after numbering and before layout, on the text of the
 * runs (UTF-8, read here as WinAnsi: PH_LETTER below), so that the plan's
 * text stays as typed and every later reader
 * of the tree (layout, the contents, a future Word writer) sees the same
 * words.  Break points are data on the text (STYLE.md 2): a tied name
 * carries no-break spaces (U+00A0), which layout_line.c makes glue
 * that never breaks, and the words beside them unhyphenated.
 *
 * Matching is whole-word and without case: a match must not have a letter
 * or digit just before or after it.  Terms and names are tried at the
 * start of each word only, longest first, so the work is the text's length
 * times the few terms that begin with the same letter.
 */
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "winansi.h"
#include "words.h"
#include "xalloc.h"

/*
 * Limits.
 * WORDS_MAX_TERM: bytes of a term or name; longer ones are ignored (no
 *   term is a sentence).
 */
#define WORDS_MAX_TERM	200

#define NBSP		'\xa0'
#define EN_DASH		'\x96'
/* The pass reads WinAnsi: a character WinAnsi lacks stands in it as one
 * of two bytes WinAnsi leaves undefined, a letter (a word character, so a
 * name with such letters still matches) or anything else; the code points
 * are kept aside in order and put back after the pass (struct cps). */
#define PH_LETTER	'\x81'
#define PH_OTHER	'\x8d'

struct pat {
	char	*s;		/* WinAnsi, lower case */
	size_t	 n;
};

struct pats {
	struct pat	*v;
	size_t		 n;
};

/* WinAnsi lower case of a byte (the inverse of layout_line_upper). */
static int
lower(int c)
{
	c &= 0xFF;
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c == 0x8A || c == 0x8C || c == 0x8E)
		return c + 16;
	if (c == 0x9F)
		return 0xFF;
	return c;
}

static int
is_wordc(int c)
{
	c &= 0xFF;
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c >= 0xC0 && c != 0xD7 && c != 0xF7) ||
	    c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C ||
	    c == 0x9E || c == 0x9F || c == (unsigned char)PH_LETTER;
}

/* The code points the placeholders of a block's text stand for. */
struct cps {
	unsigned long	*v;
	size_t		 n, cap, next;
};

/* n bytes of UTF-8 as the pass's WinAnsi (new string, *outlen bytes). */
static char *
to_internal(const char *s, size_t n, size_t *outlen, struct cps *c)
{
	char *out = xmalloc(n + 1);
	size_t i = 0, o = 0;

	while (i < n) {
		unsigned long cp;
		int b;

		if ((unsigned char)s[i] < 0x80) {
			out[o++] = s[i++];
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if ((b = winansi_from_cp(cp)) < 0) {
			b = unicode_is_letter(cp) ? PH_LETTER : PH_OTHER;
			c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
			c->v[c->n++] = cp;
		}
		out[o++] = (char)b;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* The pass's WinAnsi back to UTF-8 (new string, *outlen bytes), taking
 * the placeholders' code points in order. */
static char *
from_internal(const char *s, size_t n, size_t *outlen, struct cps *c)
{
	struct buf b = BUF_INIT;
	size_t i;
	char u[4];

	for (i = 0; i < n; i++) {
		unsigned long cp = winansi_to_cp((unsigned char)s[i]);

		if ((s[i] == PH_LETTER || s[i] == PH_OTHER) && c->next < c->n)
			cp = c->v[c->next++];
		buf_put(&b, u, utf8_encode(cp, u));
	}
	*outlen = b.len;
	return buf_detach(&b);
}

static int
has_high(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/* A block's runs to the pass's WinAnsi, or back (`back`). */
static void
runs_convert(struct block *b, struct cps *c, int back)
{
	size_t k, len;
	char *t;

	for (k = 0; k < b->nrun; k++) {
		struct run *r = &b->run[k];

		if (!has_high(r->text, r->len))
			continue;
		t = back ? from_internal(r->text, r->len, &len, c) :
		    to_internal(r->text, r->len, &len, c);
		free(r->text);
		r->text = t;
		r->len = len;
		r->cap = len + 1;
	}
}

static int
by_length_desc(const void *a, const void *b)
{
	const struct pat *x = a, *y = b;

	return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->s, y->s);
}

/* The patterns of UTF-8 strings: WinAnsi, lower case, runs of white space
 * as one space, trimmed; `min_words` words at least. */
static void
pats_make(struct pats *p, const char *const *v, size_t n, size_t min_words,
    size_t max_words)
{
	size_t i, j, k, len, words;
	struct cps ph = { NULL, 0, 0, 0 };	/* not needed: dropped */

	p->v = xcalloc(n + 1, sizeof(*p->v));
	p->n = 0;
	for (i = 0; i < n; i++) {
		char *w;

		if (v[i] == NULL)
			continue;
		w = to_internal(v[i], strlen(v[i]), &len, &ph);
		for (j = k = 0, words = 0; j < len; j++) {
			int c = (unsigned char)w[j];

			if (c == ' ' || c == '\t' || c == '\n' || c == NBSP) {
				if (k > 0 && w[k - 1] != ' ')
					w[k++] = ' ';
				continue;
			}
			if (k == 0 || w[k - 1] == ' ')
				words++;
			w[k++] = (char)lower(c);
		}
		while (k > 0 && w[k - 1] == ' ')
			k--;
		w[k] = '\0';
		if (k == 0 || k > WORDS_MAX_TERM || words < min_words ||
		    (max_words > 0 && words > max_words)) {
			free(w);
			continue;
		}
		p->v[p->n].s = w;
		p->v[p->n++].n = k;
	}
	free(ph.v);
	qsort(p->v, p->n, sizeof(*p->v), by_length_desc);
	/* the same name twice is tried once */
	for (i = j = 0; i < p->n; i++) {
		if (j > 0 && p->v[j - 1].n == p->v[i].n &&
		    strcmp(p->v[j - 1].s, p->v[i].s) == 0) {
			free(p->v[i].s);
			continue;
		}
		p->v[j++] = p->v[i];
	}
	p->n = j;
}

static void
pats_free(struct pats *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].s);
	free(p->v);
}

/* The longest pattern matching s at i (a word start), or NULL.  A space of
 * the pattern matches a space or a no-break space. */
static const struct pat *
match_at(const struct pats *p, const char *s, size_t len, size_t i)
{
	size_t k, j;
	int c0 = lower((unsigned char)s[i]);

	for (k = 0; k < p->n; k++) {
		const struct pat *t = &p->v[k];

		if ((unsigned char)t->s[0] != c0 || t->n > len - i)
			continue;
		for (j = 1; j < t->n; j++) {
			int c = (unsigned char)s[i + j];

			if (t->s[j] == ' ' ? (c != ' ' && c != (unsigned char)NBSP) :
			    lower(c) != (unsigned char)t->s[j])
				break;
		}
		if (j == t->n && (i + j == len || !is_wordc(s[i + j])))
			return t;
	}
	return NULL;
}

/* Is [a, b) inside a URL or an e-mail address (its space-delimited word)? */
static int
in_url(const char *s, size_t len, size_t a, size_t b)
{
	size_t ws = a, we = b, i;

	while (ws > 0 && s[ws - 1] != ' ' && s[ws - 1] != NBSP)
		ws--;
	while (we < len && s[we] != ' ' && s[we] != NBSP)
		we++;
	if (we - ws > 4 && (strncmp(s + ws, "www.", 4) == 0 ||
	    strncmp(s + ws, "WWW.", 4) == 0))
		return 1;
	for (i = ws; i < we; i++)
		if (s[i] == '@' || (i + 3 <= we && memcmp(s + i, "://", 3) == 0))
			return 1;
	return 0;
}

/* ---- year ranges ---- */

static int
year_at(const char *s, size_t len, size_t i, long *y)
{
	size_t k;

	if (i + 4 > len)
		return 0;
	*y = 0;
	for (k = 0; k < 4; k++) {
		if (s[i + k] < '0' || s[i + k] > '9')
			return 0;
		*y = *y * 10 + (s[i + k] - '0');
	}
	return *y >= 1900 && *y <= 2199;
}

size_t
words_dash_years(char *s, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len;) {
		long y0, y1;
		size_t sep = 0;

		/* YYYY at a word start, then "-" or " - ", then YYYY */
		if ((i == 0 || (!is_wordc(s[i - 1]) && s[i - 1] != '/' &&
		    s[i - 1] != '.' && s[i - 1] != '-' && s[i - 1] != ',')) &&
		    year_at(s, len, i, &y0)) {
			if (i + 5 <= len && s[i + 4] == '-')
				sep = 1;
			else if (i + 7 <= len && s[i + 4] == ' ' &&
			    s[i + 5] == '-' && s[i + 6] == ' ')
				sep = 3;
			if (sep > 0 && year_at(s, len, i + 4 + sep, &y1) &&
			    y1 > y0 && y1 - y0 <= 100) {
				size_t e = i + 8 + sep;

				/* not part of a longer number, code or path */
				if (e == len || (!is_wordc(s[e]) && s[e] != '/' &&
				    s[e] != '-' && !(s[e] == '.' && e + 1 < len &&
				    s[e + 1] >= '0' && s[e + 1] <= '9'))) {
					memmove(s + o, s + i, 4);
					s[o + 4] = EN_DASH;
					memmove(s + o + 5, s + i + 4 + sep, 4);
					o += 9;
					i = e;
					continue;
				}
			}
		}
		s[o++] = s[i++];
	}
	if (o < len)
		s[o] = '\0';
	return o;
}

/* ---- runs ---- */

static void
run_dash(struct run *r)
{
	if (!(r->flags & (RUN_CODE | RUN_BREAK | RUN_NOTE)) && r->len >= 9)
		r->len = words_dash_years(r->text, r->len);
}

/* Ties the spaces of every name found in the run. */
static void
run_tie(struct run *r, const struct pats *names)
{
	size_t i, j;
	const struct pat *t;

	if (names->n == 0 || (r->flags & (RUN_CODE | RUN_BREAK | RUN_NOTE)))
		return;
	for (i = 0; i < r->len; i++) {
		if (i > 0 && is_wordc(r->text[i - 1]))
			continue;
		if ((t = match_at(names, r->text, r->len, i)) == NULL)
			continue;
		for (j = i; j < i + t->n; j++)
			if (r->text[j] == ' ')
				r->text[j] = NBSP;
		i += t->n - 1;
	}
}

static void
add_piece(struct run **v, size_t *n, size_t *cap, const char *s, size_t len,
    unsigned flags)
{
	struct run *r;

	if (len == 0 && !(flags & RUN_BREAK))
		return;
	*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	r = &(*v)[(*n)++];
	memset(r, 0, sizeof(*r));
	r->text = xmalloc(len + 1);
	if (len > 0)
		memcpy(r->text, s, len);
	r->text[len] = '\0';
	r->len = len;
	r->cap = len + 1;
	r->flags = flags;
}

/* Sets the foreign terms of a block's runs in italics: the runs are
 * rebuilt when a term is found. */
static void
block_italics(struct block *b, const struct pats *terms)
{
	struct run *nv = NULL;
	size_t nn = 0, ncap = 0, k, i, from;
	int found = 0;

	if (terms->n == 0)
		return;
	for (k = 0; k < b->nrun; k++) {
		struct run *r = &b->run[k];
		const struct pat *t;

		if (r->flags & (RUN_CODE | RUN_BREAK | RUN_ITALIC | RUN_NOTE)) {
			add_piece(&nv, &nn, &ncap, r->text, r->len, r->flags);
			if (nn > 0 && (r->flags & RUN_NOTE))
				nv[nn - 1].note = r->note;
			continue;
		}
		for (i = from = 0; i < r->len; i++) {
			if (i > 0 && is_wordc(r->text[i - 1]))
				continue;
			if ((t = match_at(terms, r->text, r->len, i)) == NULL)
				continue;
			if (in_url(r->text, r->len, i, i + t->n)) {
				i += t->n - 1;
				continue;
			}
			add_piece(&nv, &nn, &ncap, r->text + from, i - from,
			    r->flags);
			add_piece(&nv, &nn, &ncap, r->text + i, t->n,
			    r->flags | RUN_ITALIC);
			found = 1;
			i += t->n;
			from = i;
			i--;
		}
		add_piece(&nv, &nn, &ncap, r->text + from, r->len - from,
		    r->flags);
	}
	if (!found) {
		for (k = 0; k < nn; k++)
			free(nv[k].text);
		free(nv);
		return;
	}
	for (k = 0; k < b->nrun; k++)
		free(b->run[k].text);
	free(b->run);
	b->run = nv;
	b->nrun = nn;
	b->runcap = ncap;
}

/* ---- directive values (UTF-8) ---- */

static void
kv_rewrite(struct blk_kv *kv, const struct pats *names, int tie)
{
	struct cps c = { NULL, 0, 0, 0 };
	size_t len;
	char *w = to_internal(kv->value, strlen(kv->value), &len, &c);
	struct run r;

	memset(&r, 0, sizeof(r));
	r.text = w;
	r.len = len;
	run_dash(&r);
	if (tie)
		run_tie(&r, names);
	free(kv->value);
	kv->value = from_internal(r.text, r.len, &len, &c);
	free(w);
	free(c.v);
}

static void
directive(struct block *b, const struct pats *names)
{
	size_t i;

	for (i = 0; i < b->nkv; i++) {
		const char *k = b->kv[i].key;
		int cover = strcmp(b->name, "sampul") == 0 &&
		    strcmp(k, "logo") != 0;

		if (cover || (strcmp(b->name, "konsep") == 0 &&
		    strcmp(k, "kepala") == 0) ||
		    (strcmp(b->name, "meta") == 0 && (strcmp(k, "judul") == 0 ||
		    strcmp(k, "subjek") == 0)))
			kv_rewrite(&b->kv[i], names, cover);
	}
}

void
words_run(struct block *doc, const struct words_opts *o)
{
	struct pats terms, names;
	struct block *b;
	struct cps c = { NULL, 0, 0, 0 };
	size_t k;

	if (doc == NULL)
		return;
	pats_make(&terms, o != NULL ? o->foreign : NULL,
	    o != NULL ? o->nforeign : 0, 1, 0);
	pats_make(&names, o != NULL ? o->names : NULL,
	    o != NULL ? o->nnames : 0, 2, WORDS_NAME_MAX_WORDS);
	/* pre-order walk without recursion */
	for (b = doc; b != NULL;) {
		switch (b->type) {
		case BLK_PARAGRAPH:
		case BLK_HEADING:
		case BLK_CELL:
		case BLK_FIGURE:
			runs_convert(b, &c, 0);
			for (k = 0; k < b->nrun; k++) {
				run_dash(&b->run[k]);
				run_tie(&b->run[k], &names);
			}
			if (b->type != BLK_HEADING && b->type != BLK_FIGURE &&
			    !b->is_caption)
				block_italics(b, &terms);
			runs_convert(b, &c, 1);
			c.n = c.next = 0;
			break;
		case BLK_DIRECTIVE:
			directive(b, &names);
			break;
		default:
			break;
		}
		b = blocks_walk_next(doc, b, 1);
	}
	pats_free(&terms);
	pats_free(&names);
	free(c.v);
}
