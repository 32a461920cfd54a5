/*
 * rencana: validation of a plan tree against rencana/1 (schema.c).  The only
 * file that includes pcre2.h.
 *
 * One walk over the tree beside the schema tables checks keys, types and
 * values; its depth is that of the tables, not of the input.  Handlers keyed
 * by the field's `check` (like mandoc's post_ functions) then check what
 * spans several fields.  A first pass collects what those need: the period,
 * the document date, and every goal and strategy code (sorted, so lookups
 * are n log n).  A last pass over all strings finds characters the PDF
 * fonts lack, with their exact line and column in the file.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "diag.h"
#include "page.h"
#include "plan.h"
#include "schema.h"
#include "tnd.h"
#include "validate.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
#define VAL_MAX_KEY_DIST	64	/* keys longer than this get no suggestion: bounds edit distance work */
#define VAL_MAX_PERIOD		10	/* the spec: a plan covers at most 10 years */
#define VAL_MIN_JP		20	/* PP 17/2020: at least 20 JP a year per civil servant */
#define VAL_MAX_INT		SCHEMA_MAX_INT	/* schema.h: beyond it a number is a typo */
#define VAL_MAX_SUGGEST		1000	/* "did you mean" for the first 1000 unknown keys or values:
					   each costs up to 20 x 64 x 64 steps */

/* ---- patterns, compiled once for every thread -------------------------- */

/* The patterns are schema.c's, shared with the JSON Schema. */
static pcre2_code *pat_code[SCHEMA_PAT__COUNT];
static pthread_once_t pat_once = PTHREAD_ONCE_INIT;

static void
pat_compile(void)
{
	int i, err;
	PCRE2_SIZE off;

	for (i = 0; i < SCHEMA_PAT__COUNT; i++) {
		pat_code[i] = pcre2_compile((PCRE2_SPTR)schema_pattern((enum schema_pat)i),
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);
		if (pat_code[i] == NULL) {
			/* The patterns are constants: a failure is a bug here. */
			fprintf(stderr, "rencana: error: internal pattern %d: error %d\n",
			    i, err);
			abort();
		}
	}
}

static int
pat_match(enum schema_pat p, const char *s)
{
	pcre2_match_data *md;
	int rc;

	pthread_once(&pat_once, pat_compile);
	md = pcre2_match_data_create_from_pattern(pat_code[p], NULL);
	rc = pcre2_match(pat_code[p], (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

/* ---- helpers (exported for tests) -------------------------------------- */

size_t
validate_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[VAL_MAX_KEY_DIST + 1][VAL_MAX_KEY_DIST + 1];

	if (la > VAL_MAX_KEY_DIST || lb > VAL_MAX_KEY_DIST)
		return VAL_MAX_KEY_DIST + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

void
validate_suggest_init(struct validate_suggest *sg, const char *typed)
{
	sg->typed = typed;
	sg->best = NULL;
	sg->dist = (size_t)-1;
}

void
validate_suggest_try(struct validate_suggest *sg, const char *cand)
{
	size_t n = strlen(sg->typed),
	    d = validate_edit_distance(sg->typed, cand);

	/* A key typed without its unit suffix: `ukuran` for `ukuran_pt`. */
	if (d > 1 && n > 0 && strncmp(cand, sg->typed, n) == 0 && cand[n] == '_')
		d = 1;
	if (d < sg->dist) {
		sg->dist = d;
		sg->best = cand;
	}
}

const char *
validate_suggest_result(const struct validate_suggest *sg)
{
	size_t lim = strlen(sg->typed) / 3;

	if (lim < 2)
		lim = 2;
	return sg->best != NULL && sg->dist <= lim ? sg->best : NULL;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

enum validate_num
validate_number(const char *s, double *v)
{
	const char *p = s, *dot, *comma;
	size_t n, k;

	if (*p == '-')
		p++;
	n = strlen(p);
	if (all_digits(p, n)) {
		*v = strtod(s, NULL);
		return VALIDATE_NUM_INT;
	}
	dot = strchr(p, '.');
	comma = strchr(p, ',');
	if (dot != NULL && comma == NULL && strchr(dot + 1, '.') == NULL &&
	    all_digits(p, (size_t)(dot - p)) && all_digits(dot + 1, strlen(dot + 1))) {
		*v = strtod(s, NULL);
		return VALIDATE_NUM_DECIMAL;
	}
	if (comma != NULL && dot == NULL && strchr(comma + 1, ',') == NULL &&
	    all_digits(p, (size_t)(comma - p)) &&
	    all_digits(comma + 1, strlen(comma + 1)))
		return VALIDATE_NUM_COMMA;
	/* Thousands: 1 to 3 digits, then groups of `.ddd`, maybe `,dd...`. */
	for (k = 0; k < 3 && p[k] >= '0' && p[k] <= '9'; k++)
		continue;
	if (k == 0 || p[k] != '.')
		return VALIDATE_NUM_BAD;
	p += k;
	while (*p == '.') {
		if (!all_digits(p + 1, 3))
			return VALIDATE_NUM_BAD;
		p += 4;
	}
	if (*p == ',' && all_digits(p + 1, strlen(p + 1)))
		p += strlen(p);
	return *p == '\0' ? VALIDATE_NUM_THOUSANDS : VALIDATE_NUM_BAD;
}

int
validate_date_exists(int y, int m, int d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

static int
num_at(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Removes spaces: `19700101 199503 1 001` -> 18 digits in out (19 bytes). */
static int
nip_digits(const char *s, char out[19])
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ')
			continue;
		if (n == 18)
			return 0;
		out[n++] = *s;
	}
	out[n] = '\0';
	return n == 18 && pat_match(SCHEMA_PAT_NIP, out);
}

unsigned
validate_nip(const char *s, int docy, int docm)
{
	char d[19];
	unsigned bad = 0;
	int by, bm, bd, ay, am;

	if (!nip_digits(s, d))
		return VALIDATE_NIP_SHAPE;
	by = num_at(d, 4);
	bm = num_at(d + 4, 2);
	bd = num_at(d + 6, 2);
	ay = num_at(d + 8, 4);
	am = num_at(d + 12, 2);
	if (!validate_date_exists(by, bm, bd) || by < 1900)
		bad |= VALIDATE_NIP_BIRTH;
	if (am < 1 || am > 12 || ay < 1900)
		bad |= VALIDATE_NIP_TMT;
	if (!(bad & (VALIDATE_NIP_BIRTH | VALIDATE_NIP_TMT))) {
		/* 18 years old in the month of appointment or later. */
		if ((ay - by) * 12 + (am - bm) < 18 * 12)
			bad |= VALIDATE_NIP_YOUNG;
	}
	if (!(bad & VALIDATE_NIP_TMT) && docy > 0 &&
	    (ay > docy || (ay == docy && am > docm)))
		bad |= VALIDATE_NIP_LATE;
	if (d[14] != '1' && d[14] != '2')
		bad |= VALIDATE_NIP_SEX;
	if (memcmp(d + 15, "000", 3) == 0)
		bad |= VALIDATE_NIP_SERIAL;
	return bad;
}

static int
tingkat_depth(const char *t)
{
	if (t == NULL)
		return 0;
	if (strcmp(t, "provinsi") == 0)
		return 1;
	if (strcmp(t, "kabupaten") == 0 || strcmp(t, "kota") == 0)
		return 2;
	if (strcmp(t, "kecamatan") == 0)
		return 3;
	if (strcmp(t, "kelurahan") == 0 || strcmp(t, "desa") == 0)
		return 4;
	return 0;
}

enum validate_region
validate_region_code(const char *code, const char *t)
{
	int parts = 1, want = tingkat_depth(t), kk;
	const char *p;

	if (!pat_match(SCHEMA_PAT_REGION, code))
		return VALIDATE_REGION_SHAPE;
	for (p = code; *p != '\0'; p++)
		parts += *p == '.';
	if (want == 0)
		return VALIDATE_REGION_OK;
	if (parts != want)
		return VALIDATE_REGION_DEPTH;
	kk = parts >= 2 ? num_at(code + 3, 2) : 0;
	if (strcmp(t, "kabupaten") == 0 && kk >= 70)
		return VALIDATE_REGION_KAB;
	if (strcmp(t, "kota") == 0 && kk < 71)
		return VALIDATE_REGION_KOTA;
	if (strcmp(t, "kelurahan") == 0 && code[9] != '1')
		return VALIDATE_REGION_KEL;
	if (strcmp(t, "desa") == 0 && code[9] != '2')
		return VALIDATE_REGION_DESA;
	return VALIDATE_REGION_OK;
}

/* ---- context ----------------------------------------------------------- */

struct code {
	const char		*code;
	const struct pnode	*node;
	int			 kind;		/* 0 goal, 1 strategy, 2 indicator */
	int			 used;		/* goal: measured by an indicator */
	char			*bad;		/* a code in the wrong case (`t1`): its
						   upper case, owned; code points here */
};

struct vctx {
	struct diag_list	*dl;
	const struct plan	*pl;
	int			 mulai, selesai;	/* 0: period not valid */
	int			 docy, docm, docd;	/* 0: no document date */
	struct code		*codes;		/* goals, strategies, indicators, sorted */
	size_t			 ncodes;
	size_t			 nsuggest;	/* suggestions computed so far */
	double			 jp_sum;	/* sum of jp * peserta */
	int			 jp_any;
	int			 remap;		/* validate_tree: report with the codes below */
	enum diag_code		 key_code, value_code;
	/* validate_chars: the template's fonts (page.h) and their files;
	 * NULL in validate_plan, which checks control characters only */
	const struct metrics	*m;
	const char *const	*fonts;
};

/* The code a problem is reported with: validate_tree's two codes stand for
 * all of the plan's. */
static enum diag_code
code_for(const struct vctx *c, enum diag_code code)
{
	if (!c->remap)
		return code;
	return code == D_VAL_UNKNOWN_KEY ? c->key_code : c->value_code;
}

static void
report(struct vctx *c, enum diag_code code, const struct srcpos *pos,
    const struct pnode *n, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
report(struct vctx *c, enum diag_code code, const struct srcpos *pos,
    const struct pnode *n, const char *fmt, ...)
{
	va_list ap;
	char *path = n != NULL ? pnode_path(n) : NULL;

	/* The format goes on to diag, which translates it. */
	va_start(ap, fmt);
	diag_vadd(c->dl, code_for(c, code), pos,
	    path != NULL && *path != '\0' ? path : NULL, fmt, ap);
	va_end(ap);
	free(path);
}

/* Same, for a key that is absent: the path is the map's path plus key. */
static void
report_absent(struct vctx *c, enum diag_code code, const struct pnode *map,
    const struct srcpos *pos, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
report_absent(struct vctx *c, enum diag_code code, const struct pnode *map,
    const struct srcpos *pos, const char *key, const char *fmt, ...)
{
	va_list ap;
	char *mp = pnode_path(map), *path;

	path = *mp != '\0' ? xasprintf("%s.%s", mp, key) : xstrdup(key);
	va_start(ap, fmt);
	diag_vadd(c->dl, code_for(c, code), pos, path, fmt, ap);
	va_end(ap);
	free(path);
	free(mp);
}

/* Where a map is named: its key, or its first character for the root. */
static const struct srcpos *
map_pos(const struct pnode *map)
{
	return map->key != NULL ? &map->keypos : &map->pos;
}

static int
is_empty(const struct pnode *n)
{
	const char *s;

	if (n == NULL)
		return 1;
	if (n->type != PN_STR)
		return 0;
	if (pnode_is_null(n))
		return 1;
	for (s = n->str; *s == ' ' || *s == '\t' || *s == '\n'; s++)
		continue;
	return *s == '\0';
}

/* A string member that is present and not empty, else NULL. */
static const char *
str_of(const struct pnode *map, const char *key)
{
	const struct pnode *n = pnode_get(map, key);

	return n != NULL && n->type == PN_STR && !is_empty(n) ? n->str : NULL;
}

static int
year_of(const char *s)
{
	return s != NULL && strlen(s) == 4 && all_digits(s, 4) ? num_at(s, 4) : 0;
}

/* Parses a valid YYYY-MM-DD; 0 when it is not one. */
static int
date_of(const char *s, int *y, int *m, int *d)
{
	if (s == NULL || !pat_match(SCHEMA_PAT_DATE, s))
		return 0;
	*y = num_at(s, 4);
	*m = num_at(s + 5, 2);
	*d = num_at(s + 8, 2);
	return validate_date_exists(*y, *m, *d);
}

/* The value of a valid number field, or 0 when it is not one. */
static int
number_of(const struct pnode *n, double *v)
{
	enum validate_num k;

	if (n == NULL || n->type != PN_STR)
		return 0;
	k = validate_number(n->str, v);
	return k == VALIDATE_NUM_INT || k == VALIDATE_NUM_DECIMAL;
}

/* The value of a valid whole number >= 0 (a count), or 0 when not one. */
static int
count_of(const struct pnode *n, double *v)
{
	return n != NULL && n->type == PN_STR &&
	    validate_number(n->str, v) == VALIDATE_NUM_INT && *v >= 0 &&
	    *v <= VAL_MAX_INT;
}

/* 1.250 in a whole-number field: a thousands separator, not a fraction. */
static int
looks_thousands(const char *s)
{
	size_t k = 0;

	if (*s == '-')
		s++;
	while (k < 3 && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k == 0 || s[k] != '.')
		return 0;
	s += k;
	while (*s == '.') {
		if (!all_digits(s + 1, 3))
			return 0;
		s += 4;
	}
	return *s == '\0';
}

static int
code_cmp(const void *a, const void *b)
{
	const struct code *x = a, *y = b;
	int r = strcmp(x->code, y->code);

	if (r != 0)
		return r;
	/* Same code: a valid one before one in the wrong case, then file
	 * order, so the first use stays first. */
	if ((x->bad != NULL) != (y->bad != NULL))
		return x->bad != NULL ? 1 : -1;
	if (x->node->pos.line != y->node->pos.line)
		return x->node->pos.line < y->node->pos.line ? -1 : 1;
	return (x->node->pos.col > y->node->pos.col) - (x->node->pos.col < y->node->pos.col);
}

static struct code *
code_find(const struct vctx *c, const char *s, int kind)
{
	struct code *hit;
	size_t lo = 0, hi = c->ncodes;

	/* Lower bound of s, then scan the equal run for the kind. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(c->codes[mid].code, s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->ncodes && strcmp(c->codes[lo].code, s) == 0; lo++) {
		hit = &c->codes[lo];
		if (hit->kind == kind)
			return hit;
	}
	return NULL;
}

/*
 * One diagnostic per cause (issue 14).  A misspelt key (`kdoe` for `kode`)
 * is one problem: the walk reports it once, as an unknown key with its
 * suggestion, checks its value as the key it stands for, and does not also
 * report that key missing; the passes that read the key read the misspelt
 * one too, so a goal whose `kode` is misspelt still has its code and the
 * strategies that name it are not wrong as well.
 */

/* The key of map field f nearest to typed ("did you mean"), or NULL. */
static const char *
nearest_key(struct vctx *c, const char *typed, const struct schema_field *f)
{
	const struct schema_field *k;
	struct validate_suggest sg;

	if (c->nsuggest >= VAL_MAX_SUGGEST || f == NULL || f->type != SCHEMA_MAP)
		return NULL;
	c->nsuggest++;
	validate_suggest_init(&sg, typed);
	for (k = f->children; k->key != NULL; k++)
		validate_suggest_try(&sg, k->key);
	return validate_suggest_result(&sg);
}

/* Member `key` of map (field f), or the unknown member misspelling it when
 * `key` is absent; NULL when neither is there. */
static const struct pnode *
member(struct vctx *c, const struct pnode *map, const char *key,
    const struct schema_field *f)
{
	const struct pnode *m = pnode_get(map, key);
	const char *near;

	if (m != NULL || map == NULL || map->type != PN_MAP)
		return m;
	for (m = map->first; m != NULL; m = m->next)
		if (schema_child(f, m->key) == NULL &&
		    (near = nearest_key(c, m->key, f)) != NULL &&
		    strcmp(near, key) == 0)
			return m;
	return NULL;
}

/* The field of the items of list `key` under top-level `top`. */
static const struct schema_field *
item_field(const char *top, const char *key)
{
	const struct schema_field *f = schema_child(schema_root(), top);

	f = f != NULL ? schema_child(f, key) : NULL;
	return f != NULL ? f->children : NULL;
}

static void
collect_codes(struct vctx *c, const struct pnode *list, int kind, size_t *cap,
    const struct schema_field *item)
{
	const struct pnode *it, *k;
	const char *s;
	char *up, *p;

	if (list == NULL || list->type != PN_SEQ)
		return;
	for (it = list->first; it != NULL; it = it->next) {
		k = member(c, it, "kode", item);
		if (k == NULL || k->type != PN_STR || is_empty(k))
			continue;
		s = k->str;
		up = NULL;
		/* `t1` is reported as not a code; as `T1` it still stands for
		 * its goal, so the strategies that name `T1` are not wrong too. */
		if (!pat_match(SCHEMA_PAT_CODE, s)) {
			up = xstrdup(s);
			for (p = up; *p != '\0'; p++)
				if (*p >= 'a' && *p <= 'z')
					*p = (char)(*p - 'a' + 'A');
			if (!pat_match(SCHEMA_PAT_CODE, up)) {
				free(up);
				continue;
			}
			s = up;
		}
		c->codes = xgrow(c->codes, cap, c->ncodes + 1, sizeof(*c->codes));
		c->codes[c->ncodes].bad = up;
		c->codes[c->ncodes].code = s;
		c->codes[c->ncodes].node = k;
		c->codes[c->ncodes].kind = kind;
		c->codes[c->ncodes].used = 0;
		c->ncodes++;
	}
}

/* Whole sentences per kind, so that each is translated. */
static const char *const kind_msg[3] = {
	N_("code `%s` is already used by a goal at line %d; codes must be unique"),
	N_("code `%s` is already used by a strategy at line %d; codes must be "
	    "unique"),
	N_("code `%s` is already used by an indicator at line %d; codes must be "
	    "unique"),
};

/* First pass: period, document date, codes (duplicates reported here). */
static void
collect(struct vctx *c)
{
	const struct pnode *r = c->pl->root, *per = pnode_get(r, "periode");
	size_t cap = 0, i;
	int y, m, d;

	c->mulai = year_of(str_of(per, "mulai"));
	c->selesai = year_of(str_of(per, "selesai"));
	if (c->mulai == 0 || c->selesai == 0 || c->mulai > c->selesai ||
	    c->selesai - c->mulai + 1 > VAL_MAX_PERIOD)
		c->mulai = c->selesai = 0;
	if (date_of(str_of(pnode_get(r, "penandatangan"), "tanggal"), &y, &m, &d) ||
	    date_of(str_of(pnode_get(r, "dokumen"), "tanggal"), &y, &m, &d)) {
		c->docy = y;
		c->docm = m;
		c->docd = d;
	}
	collect_codes(c, pnode_get(pnode_get(r, "tujuan"), "daftar"), 0, &cap,
	    item_field("tujuan", "daftar"));
	collect_codes(c, pnode_get(pnode_get(r, "strategi"), "daftar"), 1, &cap,
	    item_field("strategi", "daftar"));
	collect_codes(c, pnode_get(pnode_get(r, "monitoring"), "indikator"), 2, &cap,
	    item_field("monitoring", "indikator"));
	if (c->ncodes > 1)
		qsort(c->codes, c->ncodes, sizeof(*c->codes), code_cmp);
	for (i = 1; i < c->ncodes; i++) {
		size_t first = i - 1;

		if (strcmp(c->codes[i].code, c->codes[first].code) != 0 ||
		    c->codes[i].bad != NULL)
			continue;
		while (first > 0 && strcmp(c->codes[first - 1].code, c->codes[i].code) == 0)
			first--;
		report(c, D_VAL_DUP_CODE, &c->codes[i].node->pos, c->codes[i].node,
		    kind_msg[c->codes[first].kind], c->codes[i].code,
		    c->codes[first].node->pos.line);
	}
}

/* ---- the walk ---------------------------------------------------------- */

/* Reports an unknown key; returns the key it is a near miss of, or NULL. */
static const char *
check_unknown(struct vctx *c, const struct pnode *m, const struct schema_field *f)
{
	const char *near = nearest_key(c, m->key, f);

	if (near != NULL)
		report(c, D_VAL_UNKNOWN_KEY, &m->keypos, m,
		    "unknown key `%s`; did you mean `%s`?", m->key, near);
	else
		report(c, D_VAL_UNKNOWN_KEY, &m->keypos, m, "unknown key `%s`", m->key);
	return near;
}

static void
check_enum(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	struct buf b = BUF_INIT;
	struct validate_suggest sg;
	const char *near;
	size_t i;

	validate_suggest_init(&sg, n->str);
	for (i = 0; f->values[i].value != NULL; i++) {
		if (strcmp(n->str, f->values[i].value) == 0)
			return;
		if (c->nsuggest < VAL_MAX_SUGGEST)
			validate_suggest_try(&sg, f->values[i].value);
	}
	c->nsuggest++;
	for (i = 0; f->values[i].value != NULL; i++)
		buf_printf(&b, "%s`%s`", i == 0 ? "" : ", ", f->values[i].value);
	if ((near = validate_suggest_result(&sg)) != NULL)
		report(c, D_VAL_ENUM, &n->pos, n, "`%s` is not one of %s; did you mean `%s`?",
		    n->str, buf_str(&b), near);
	else
		report(c, D_VAL_ENUM, &n->pos, n, "`%s` is not one of %s", n->str,
		    buf_str(&b));
	buf_free(&b);
}

static void
check_number_text(struct vctx *c, const struct pnode *n, int integer)
{
	struct buf fix = BUF_INIT;
	const char *s;
	double v;

	switch (validate_number(n->str, &v)) {
	case VALIDATE_NUM_INT:
		if (v > VAL_MAX_INT || v < -VAL_MAX_INT)
			report(c, D_VAL_RANGE, &n->pos, n, "`%s` is too large", n->str);
		return;
	case VALIDATE_NUM_DECIMAL:
		if (!integer)
			return;
		if (looks_thousands(n->str)) {
			for (s = n->str; *s != '\0'; s++)
				if (*s != '.')
					buf_putc(&fix, *s);
			report(c, D_VAL_INTEGER, &n->pos, n,
			    "`%s` is not a whole number; write it without thousands "
			    "separators: `%s`", n->str, buf_str(&fix));
		} else
			report(c, D_VAL_INTEGER, &n->pos, n, "`%s` is not a whole number",
			    n->str);
		break;
	case VALIDATE_NUM_COMMA:
		for (s = n->str; *s != '\0'; s++)
			buf_putc(&fix, *s == ',' ? '.' : *s);
		report(c, integer ? D_VAL_INTEGER : D_VAL_NUMBER, &n->pos, n,
		    integer ? N_("`%s` is not a whole number; write a decimal "
		    "point: `%s`") : N_("`%s` is not a number; write a decimal "
		    "point: `%s`"), n->str, buf_str(&fix));
		break;
	case VALIDATE_NUM_THOUSANDS:
		for (s = n->str; *s != '\0'; s++)
			if (*s != '.')
				buf_putc(&fix, *s == ',' ? '.' : *s);
		report(c, integer ? D_VAL_INTEGER : D_VAL_NUMBER, &n->pos, n,
		    integer ? N_("`%s` is not a whole number; write it without "
		    "thousands separators: `%s`") : N_("`%s` is not a number; "
		    "write it without thousands separators: `%s`"), n->str,
		    buf_str(&fix));
		break;
	default:
		report(c, integer ? D_VAL_INTEGER : D_VAL_NUMBER, &n->pos, n,
		    integer ? N_("`%s` is not a whole number") :
		    N_("`%s` is not a number"), n->str);
		break;
	}
	buf_free(&fix);
}

/* Type of a scalar field: returns 1 when the text is valid for it. */
static int
check_scalar(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	int y, m, d;
	double v;
	char *up, *p;

	switch (f->type) {
	case SCHEMA_ENUM:
		check_enum(c, n, f);
		break;
	case SCHEMA_BOOL:
		if (strcmp(n->str, "ya") == 0 || strcmp(n->str, "tidak") == 0 ||
		    strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0)
			return 1;
		report(c, D_VAL_BOOL, &n->pos, n, "`%s` is not `ya` or `tidak`", n->str);
		return 0;
	case SCHEMA_INT:
		check_number_text(c, n, 1);
		return validate_number(n->str, &v) == VALIDATE_NUM_INT;
	case SCHEMA_NUMBER:
		check_number_text(c, n, 0);
		if (!number_of(n, &v))
			return 0;
		if (f->min < f->max && (v < f->min || v > f->max)) {
			report(c, D_VAL_RANGE, &n->pos, n, "%s is out of range; use %g to %g",
			    n->str, f->min, f->max);
			return 0;
		}
		return 1;
	case SCHEMA_YEAR:
		if (year_of(n->str) != 0)
			return 1;
		report(c, D_VAL_YEAR, &n->pos, n, "`%s` is not a year (4 digits)", n->str);
		return 0;
	case SCHEMA_DATE:
		if (!pat_match(SCHEMA_PAT_DATE, n->str)) {
			report(c, D_VAL_DATE, &n->pos, n, "`%s` is not a date; write YYYY-MM-DD",
			    n->str);
			return 0;
		}
		if (!date_of(n->str, &y, &m, &d)) {
			report(c, D_VAL_DATE, &n->pos, n, "`%s` is not a day that exists", n->str);
			return 0;
		}
		return 1;
	case SCHEMA_CODE:
		if (pat_match(SCHEMA_PAT_CODE, n->str))
			return 1;
		up = xstrdup(n->str);
		for (p = up; *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		if (pat_match(SCHEMA_PAT_CODE, up))
			report(c, D_VAL_CODE, &n->pos, n, "`%s` is not a code: 1 to 3 "
			    "capital letters, then 1 to 3 digits; did you mean `%s`?",
			    n->str, up);
		else
			report(c, D_VAL_CODE, &n->pos, n, "`%s` is not a code: 1 to 3 "
			    "capital letters, then 1 to 3 digits, like `T1`", n->str);
		free(up);
		return 0;
	default:
		break;
	}
	return 1;
}

/* Post handlers, keyed by schema_check; called on a value of the right type. */
typedef void (*post_fn)(struct vctx *, const struct pnode *, const struct schema_field *);

static void walk(struct vctx *, const struct pnode *, const struct schema_field *);

static void
walk_map(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct schema_field *k;
	const struct pnode *m;
	const char *near;
	unsigned char *stands;	/* per field: a misspelt key stands for it */
	size_t nk = 0;

	for (k = f->children; k->key != NULL; k++)
		nk++;
	stands = xcalloc(nk + 1, 1);
	for (m = n->first; m != NULL; m = m->next) {
		if ((k = schema_child(f, m->key)) != NULL) {
			walk(c, m, k);
			continue;
		}
		/* A near miss of an absent key is that key, misspelt: its
		 * value is checked as that key's, once. */
		if ((near = check_unknown(c, m, f)) != NULL &&
		    pnode_get(n, near) == NULL && (k = schema_child(f, near)) != NULL &&
		    !stands[k - f->children]) {
			stands[k - f->children] = 1;
			walk(c, m, k);
		}
	}
	for (k = f->children; k->key != NULL; k++)
		if ((k->flags & SCHEMA_REQUIRED) && !stands[k - f->children] &&
		    pnode_get(n, k->key) == NULL)
			report_absent(c, D_VAL_MISSING, n, map_pos(n), k->key,
			    "missing required key `%s`", k->key);
	free(stands);
}

static void
walk_dict(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *m;

	for (m = n->first; m != NULL; m = m->next) {
		if (year_of(m->key) == 0) {
			report(c, D_VAL_YEAR, &m->keypos, m, "`%s` is not a year (4 digits)",
			    m->key);
			continue;
		}
		walk(c, m, f->children);
	}
}

static const post_fn posts[SCHEMA_CHECK__COUNT];

/* Text where a map was expected: `nama:Mataram`, a key without the space
 * after its colon, reads as text.  Adds the fix to the message just made. */
static void
help_colon_space(struct vctx *c, const struct pnode *n)
{
	const char *colon;

	if (n->type != PN_STR || n->style != PN_PLAIN ||
	    (colon = strchr(n->str, ':')) == NULL || colon == n->str ||
	    colon[1] == '\0' || colon[1] == ' ' || colon[1] == '/' ||
	    strchr(n->str, ' ') != NULL)
		return;
	diag_help(c->dl, "put a space after the colon to make a key and its "
	    "value: %.*s: %s", (int)(colon - n->str), n->str, colon + 1);
}

/* `dokumen.penetapan` was the act's name as text before it became a map
 * (issue 12): say where that text goes now. */
static void
help_old_penetapan(struct vctx *c, const struct pnode *n)
{
	if (n->type != PN_STR || n->key == NULL || strcmp(n->key, "penetapan") != 0 ||
	    n->parent == NULL || n->parent->key == NULL ||
	    strcmp(n->parent->key, "dokumen") != 0 || n->parent->parent == NULL ||
	    n->parent->parent->parent != NULL)
		return;
	diag_help(c->dl, "`penetapan` is a map of `jenis`, `nomor` and `tanggal`: "
	    "write the act's name as `jenis: %s` on the next line, indented", n->str);
}

/* Depth of the recursion is that of the schema tables (at most 7). */
static void
walk(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *m;
	int ok = 1;

	if (is_empty(n)) {
		if (n->key == NULL)
			report(c, D_VAL_EMPTY, &n->pos, n, n->parent == NULL ?
			    N_("the plan is empty; expected a map of keys") :
			    N_("empty list item"));
		else if (f->flags & SCHEMA_REQUIRED)
			report(c, D_VAL_EMPTY, n->key != NULL ? &n->keypos : &n->pos, n,
			    "missing value for `%s`", n->key != NULL ? n->key : "item");
		return;
	}
	switch (f->type) {
	case SCHEMA_MAP:
	case SCHEMA_DICT:
		if (n->type != PN_MAP) {
			report(c, D_VAL_TYPE, &n->pos, n, n->type == PN_SEQ ?
			    N_("expected a map, found a list") :
			    N_("expected a map, found text"));
			help_colon_space(c, n);
			help_old_penetapan(c, n);
			return;
		}
		if (f->type == SCHEMA_MAP)
			walk_map(c, n, f);
		else
			walk_dict(c, n, f);
		if ((f->flags & SCHEMA_NONEMPTY) && n->nchild == 0)
			report(c, D_VAL_EMPTY_LIST, &n->pos, n, "needs at least one item");
		break;
	case SCHEMA_LIST:
		if (n->type != PN_SEQ) {
			report(c, D_VAL_TYPE, &n->pos, n, n->type == PN_MAP ?
			    N_("expected a list, found a map") :
			    N_("expected a list, found text"));
			return;
		}
		for (m = n->first; m != NULL; m = m->next)
			walk(c, m, f->children);
		if ((f->flags & SCHEMA_NONEMPTY) && n->nchild == 0)
			report(c, D_VAL_EMPTY_LIST, &n->pos, n, "needs at least one item");
		break;
	default:
		if (n->type != PN_STR) {
			int text = f->type == SCHEMA_MARKDOWN ||
			    f->type == SCHEMA_STRING;

			/* Whole sentences, so that each is translated. */
			report(c, D_VAL_TYPE, &n->pos, n, text ?
			    (n->type == PN_MAP ? N_("expected text, found a map") :
			    N_("expected text, found a list")) :
			    (n->type == PN_MAP ?
			    N_("expected a single value, found a map") :
			    N_("expected a single value, found a list")));
			return;
		}
		ok = check_scalar(c, n, f);
		break;
	}
	if (ok && posts[f->check] != NULL)
		posts[f->check](c, n, f);
}

/* ---- post handlers ------------------------------------------------------ */

static void
post_format(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (strcmp(n->str, "rencana/1") != 0)
		report(c, D_VAL_FORMAT, &n->pos, n,
		    "unsupported format `%s`; this program reads `rencana/1`", n->str);
}

static void
post_region_code(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const char *t = str_of(n->parent, "tingkat");

	switch (validate_region_code(n->str, t)) {
	case VALIDATE_REGION_SHAPE:
		report(c, D_VAL_REGION_CODE, &n->pos, n,
		    "`%s` is not a region code PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD", n->str);
		break;
	case VALIDATE_REGION_DEPTH:
		report(c, D_VAL_REGION_CODE, &n->pos, n,
		    "`%s` does not fit `tingkat: %s`, whose code is %s", n->str, t,
		    tingkat_depth(t) == 1 ? "PP" : tingkat_depth(t) == 2 ? "PP.KK" :
		    tingkat_depth(t) == 3 ? "PP.KK.CC" : "PP.KK.CC.DDDD");
		break;
	case VALIDATE_REGION_KAB:
		report(c, D_VAL_REGION_CODE, &n->pos, n,
		    "`%s` is not a kabupaten code: KK is below 70 for a kabupaten", n->str);
		break;
	case VALIDATE_REGION_KOTA:
		report(c, D_VAL_REGION_CODE, &n->pos, n,
		    "`%s` is not a kota code: KK is 71 or more for a kota", n->str);
		break;
	case VALIDATE_REGION_KEL:
		report(c, D_VAL_REGION_CODE, &n->pos, n,
		    "`%s` is not a kelurahan code: DDDD starts with 1 for a kelurahan", n->str);
		break;
	case VALIDATE_REGION_DESA:
		report(c, D_VAL_REGION_CODE, &n->pos, n,
		    "`%s` is not a desa code: DDDD starts with 2 for a desa", n->str);
		break;
	default:
		break;
	}
}

static void
post_nip(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	unsigned bad = validate_nip(n->str, c->docy, c->docm);
	char d[19];

	if (bad & VALIDATE_NIP_SHAPE) {
		report(c, D_VAL_NIP, &n->pos, n,
		    "NIP `%s` is not 18 digits (spaces are allowed between groups)", n->str);
		return;
	}
	nip_digits(n->str, d);
	if (bad & VALIDATE_NIP_BIRTH)
		report(c, D_VAL_NIP, &n->pos, n,
		    "NIP digits 1-8 `%.8s` are not a real birth date (YYYYMMDD)", d);
	if (bad & VALIDATE_NIP_TMT)
		report(c, D_VAL_NIP, &n->pos, n,
		    "NIP digits 9-14 `%.6s` are not a real year and month of appointment (YYYYMM)",
		    d + 8);
	if (bad & VALIDATE_NIP_YOUNG)
		report(c, D_VAL_NIP, &n->pos, n,
		    "NIP says appointed in %.4s-%.2s before the age of 18 (born %.4s-%.2s-%.2s)",
		    d + 8, d + 12, d, d + 4, d + 6);
	if (bad & VALIDATE_NIP_LATE)
		report(c, D_VAL_NIP, &n->pos, n,
		    "NIP says appointed in %.4s-%.2s, after the document date %04d-%02d-%02d",
		    d + 8, d + 12, c->docy, c->docm, c->docd);
	if (bad & VALIDATE_NIP_SEX)
		report(c, D_VAL_NIP, &n->pos, n,
		    "NIP digit 15 is `%c`; it is 1 (male) or 2 (female)", d[14]);
	if (bad & VALIDATE_NIP_SERIAL)
		report(c, D_VAL_NIP, &n->pos, n, "NIP digits 16-18 are `000`; numbering starts at 001");
}

static void
post_golongan(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (!pat_match(SCHEMA_PAT_GOLONGAN, n->str))
		report(c, D_VAL_GOLONGAN, &n->pos, n,
		    "`%s` is not a golongan: write I/a to IV/e, like `III/b`", n->str);
	else if (n->str[strlen(n->str) - 1] == 'e' && strncmp(n->str, "IV/", 3) != 0)
		report(c, D_VAL_GOLONGAN, &n->pos, n,
		    "`%s` does not exist: only golongan IV has ruang e", n->str);
}

static void
post_email(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (!pat_match(SCHEMA_PAT_EMAIL, n->str))
		report(c, D_VAL_CONTACT, &n->pos, n, "`%s` is not an e-mail address", n->str);
}

static void
post_phone(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (!pat_match(SCHEMA_PAT_PHONE, n->str))
		report(c, D_VAL_CONTACT, &n->pos, n,
		    "`%s` is not a phone number; write +62... or 0... (digits, spaces, hyphens)",
		    n->str);
}

static void
post_url(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (!pat_match(SCHEMA_PAT_URL, n->str))
		report(c, D_VAL_CONTACT, &n->pos, n,
		    "`%s` is not a web address starting with http:// or https://", n->str);
}

static void
post_schedule(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	int y;

	if (!pat_match(SCHEMA_PAT_SCHEDULE, n->str)) {
		report(c, D_VAL_SCHEDULE, &n->pos, n,
		    "`%s` is not a schedule; write YYYY, YYYY-MM, YYYY-Qn (n 1-4) or YYYY-Sn (n 1-2)",
		    n->str);
		return;
	}
	y = num_at(n->str, 4);
	if (c->mulai != 0 && (y < c->mulai || y > c->selesai))
		report(c, D_VAL_YEAR_RANGE, &n->pos, n,
		    "`%s` is outside the period %d-%d", n->str, c->mulai, c->selesai);
}

static void
post_positive(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	double v;

	if (number_of(n, &v) && v <= 0)
		report(c, D_VAL_RANGE, &n->pos, n, "`%s` must be more than 0", n->str);
}

static void
post_nonneg(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	double v;

	if (number_of(n, &v) && v < 0)
		report(c, D_VAL_RANGE, &n->pos, n, "`%s` must not be negative", n->str);
}

static void
post_goal_ref(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	struct code *g = code_find(c, n->str, 0);

	if (g == NULL)
		report(c, D_VAL_REF, &n->pos, n, "no goal in `tujuan.daftar` has code `%s`",
		    n->str);
	else if (n->key != NULL)	/* monitoring.indikator[*].tujuan */
		g->used = 1;
}

static void
post_strategy_ref(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (code_find(c, n->str, 1) == NULL)
		report(c, D_VAL_REF, &n->pos, n,
		    "no strategy in `strategi.daftar` has code `%s`", n->str);
}

static void
post_target_year(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	int y = year_of(n->key);

	if (c->mulai != 0 && (y < c->mulai || y > c->selesai))
		report(c, D_VAL_YEAR_RANGE, &n->keypos, n,
		    "target year %d is outside the period %d-%d", y, c->mulai, c->selesai);
}

static void
post_period(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *s = pnode_get(n, "selesai");
	int a = year_of(str_of(n, "mulai")), b = year_of(str_of(n, "selesai"));

	if (a == 0 || b == 0)
		return;
	if (a > b)
		report(c, D_VAL_PERIOD, &s->pos, s,
		    "the period ends (%d) before it starts (%d)", b, a);
	else if (b - a + 1 > VAL_MAX_PERIOD)
		report(c, D_VAL_PERIOD, &s->pos, s,
		    "the period %d-%d is %d years long; at most %d", a, b, b - a + 1,
		    VAL_MAX_PERIOD);
}

static void
post_wilayah(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *t = pnode_get(n, "tingkat");
	const char *ts = str_of(n, "tingkat");
	int depth = tingkat_depth(ts);

	if (depth == 0)
		return;
	if (depth >= 3 && str_of(n, "induk") == NULL)
		report_absent(c, D_VAL_NEEDS, n, &t->pos, "induk",
		    "a %s needs `induk`, the region that encloses it", ts);
	if (depth >= 2 && str_of(n, "provinsi") == NULL)
		report_absent(c, D_VAL_NEEDS, n, &t->pos, "provinsi",
		    "a %s needs `provinsi`", ts);
}

static void
post_pegawai(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *r, *it, *dl;
	double total, sum, v;

	if (!count_of(pnode_get(n, "jumlah"), &total))
		return;
	r = pnode_get(n, "rincian");
	if (r == NULL || r->type != PN_SEQ)
		return;
	for (it = r->first; it != NULL; it = it->next) {
		int ok = 1;
		const char *judul = str_of(it, "judul");

		dl = pnode_get(it, "daftar");
		if (dl == NULL || dl->type != PN_SEQ || dl->nchild == 0)
			continue;
		sum = 0;
		for (const struct pnode *e = dl->first; e != NULL; e = e->next) {
			if (!count_of(pnode_get(e, "jumlah"), &v))
				ok = 0;
			else if ((sum += v) > VAL_MAX_INT && ok) {
				report(c, D_VAL_TOTAL, &pnode_get(e, "jumlah")->pos,
				    pnode_get(e, "jumlah"), "the breakdown `%s` adds up "
				    "past 10^15 here", judul != NULL ? judul : "?");
				ok = 0;
			}
		}
		if (ok && sum != total)
			report(c, D_VAL_SUM, &dl->keypos, dl,
			    "the breakdown `%s` adds up to %.0f, not `pegawai.jumlah` %.0f",
			    judul != NULL ? judul : "?", sum, total);
	}
}

static int
is_percent(const struct pnode *map)
{
	const char *s = str_of(map, "satuan");

	return s != NULL && strcmp(s, "%") == 0;
}

static void
check_percent(struct vctx *c, const struct pnode *v)
{
	double x;

	if (number_of(v, &x) && (x < 0 || x > 100))
		report(c, D_VAL_RANGE, &v->pos, v,
		    "`%s` is not a percentage: `satuan` is `%%`, so values are 0 to 100", v->str);
}

static void
post_kompetensi(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	if (!is_percent(n))
		return;
	check_percent(c, pnode_get(n, "saat_ini"));
	check_percent(c, pnode_get(n, "dibutuhkan"));
}

static void
post_indikator(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *b = pnode_get(n, "baseline"), *t = pnode_get(n, "target");
	const struct pnode *by = pnode_get(b, "tahun"), *m, *prev = NULL;
	const char *arah = str_of(n, "arah");
	int naik = arah == NULL || strcmp(arah, "turun") != 0, y, last = 0;
	double pv = 0, v;

	if (by != NULL && c->mulai != 0 && (y = year_of(str_of(b, "tahun"))) != 0 &&
	    y > c->mulai)
		report(c, D_VAL_YEAR_RANGE, &by->pos, by,
		    "the baseline year %d is after the period starts (%d)", y, c->mulai);
	if (is_percent(n)) {
		check_percent(c, pnode_get(b, "nilai"));
		if (t != NULL && t->type == PN_MAP)
			for (m = t->first; m != NULL; m = m->next)
				check_percent(c, m);
	}
	if (arah != NULL && strcmp(arah, "naik") != 0 && strcmp(arah, "turun") != 0)
		return;
	/* More targets than years in a period: already errors. */
	if (t == NULL || t->type != PN_MAP || t->nchild > VAL_MAX_PERIOD)
		return;
	/* In year order, from the baseline: walk the years of the period
	 * (at most 10), looking each up among the targets. */
	if (number_of(pnode_get(b, "nilai"), &pv))
		prev = pnode_get(b, "nilai");
	for (m = t->first; m != NULL; m = m->next)
		if (year_of(m->key) == 0 || !number_of(m, &v))
			return;
	for (;;) {
		const struct pnode *next = NULL;
		int ny = 0;

		/* The smallest year above `last`; targets are few (<= 10 valid). */
		for (m = t->first; m != NULL; m = m->next) {
			y = year_of(m->key);
			if (y > last && (next == NULL || y < ny)) {
				next = m;
				ny = y;
			}
		}
		if (next == NULL)
			break;
		number_of(next, &v);
		if (prev != NULL && (naik ? v < pv : v > pv))
			report(c, D_VAL_DIRECTION, &next->pos, next, naik ?
			    N_("target %s for %d is lower than %s before it, "
			    "but `arah` is `naik`") :
			    N_("target %s for %d is higher than %s before it, "
			    "but `arah` is `turun`"), next->str, ny, prev->str);
		prev = next;
		pv = v;
		last = ny;
	}
}

/* Pangkat of each golongan ruang (docs/official-documents-notes.md 4.3). */
static const struct {
	const char	*gol;
	const char	*pangkat;
} pangkat_table[] = {
	{ "I/a", "Juru Muda" }, { "I/b", "Juru Muda Tingkat I" },
	{ "I/c", "Juru" }, { "I/d", "Juru Tingkat I" },
	{ "II/a", "Pengatur Muda" }, { "II/b", "Pengatur Muda Tingkat I" },
	{ "II/c", "Pengatur" }, { "II/d", "Pengatur Tingkat I" },
	{ "III/a", "Penata Muda" }, { "III/b", "Penata Muda Tingkat I" },
	{ "III/c", "Penata" }, { "III/d", "Penata Tingkat I" },
	{ "IV/a", "Pembina" }, { "IV/b", "Pembina Tingkat I" },
	{ "IV/c", "Pembina Utama Muda" }, { "IV/d", "Pembina Utama Madya" },
	{ "IV/e", "Pembina Utama" },
};

static int
same_words(const char *a, const char *b)
{
	/* Case and runs of spaces do not matter: `Pembina utama muda`. */
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (a[0] != b[0] && (a[0] | 0x20) != (b[0] | 0x20))
			return 0;
		if ((a[1] == ' ') != (b[1] == ' ') && a[1] != '\0' && b[1] != '\0')
			return 0;
		a++;
		b++;
	}
}

/*
 * Permendagri 1/2023 Pasal 44 (tnd.c): the signer's role decides whether the
 * name keeps its titles and whether NIP and pangkat/golongan are printed.
 * What the role needs and the plan lacks is an error; what the plan gives
 * and the role does not print is a warning.
 */
static void
check_signer_form(struct vctx *c, const struct pnode *n)
{
	static const char *const keys[] = { "nip", "pangkat", "golongan" };
	const struct pnode *dok = pnode_get(n->parent, "dokumen"), *k;
	const char *peran = str_of(n, "peran"), *st = str_of(n, "status_jabatan");
	const char *ayat, *tay, *nama = str_of(n, "nama");
	int pen = pnode_get(dok, "penetapan") != NULL;
	unsigned form = tnd_form(peran, pen, &ayat);
	size_t i;

	if (peran != NULL && st != NULL && strcmp(st, "definitif") != 0 &&
	    strcmp(st, "an") != 0 && strcmp(st, "ub") != 0) {
		const char *want = tnd_role_status(peran);

		k = pnode_get(n, "status_jabatan");
		if (tnd_role_prefix(peran) == NULL && strcmp(peran, "pejabat") != 0)
			report(c, D_VAL_SIGN_ROLE, &k->pos, k,
			    "`status_jabatan: %s` contradicts `peran: %s`: a %s of "
			    "this office is `peran: %s-%s`", st, peran, st, st,
			    strcmp(peran, "sekretaris-daerah") == 0 ?
			    "sekretaris-daerah" : "kepala-daerah");
		else if (tnd_role_prefix(peran) != NULL &&
		    (want == NULL || strcmp(st, want) != 0))
			report(c, D_VAL_SIGN_ROLE, &k->pos, k,
			    "`status_jabatan: %s` contradicts `peran: %s`, which "
			    "prints `%s` before the position; leave `status_jabatan` out",
			    st, peran, tnd_role_prefix(peran));
	}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		k = pnode_get(n, keys[i]);
		if (str_of(n, keys[i]) == NULL ||
		    (form & (i == 0 ? TND_NIP : TND_PANGKAT)))
			continue;
		report(c, D_VAL_SIGN_UNPRINTED, &k->pos, k,
		    "`%s` is not printed for `peran: %s`: %s", keys[i],
		    peran != NULL ? peran : "pejabat", tnd_rule(ayat));
	}
	k = pnode_get(n, "peran");
	if ((form & TND_NIP) && str_of(n, "nip") == NULL)
		report_absent(c, D_VAL_SIGN_MISSING, n,
		    k != NULL ? &k->pos : map_pos(n), "nip",
		    "the signer needs `nip`: %s; for those, give `peran`",
		    tnd_rule(ayat));
	if ((form & TND_PANGKAT) && str_of(n, "pangkat") == NULL &&
	    str_of(n, "golongan") == NULL)
		report_absent(c, D_VAL_SIGN_MISSING, n,
		    k != NULL ? &k->pos : map_pos(n), "pangkat",
		    "the signer needs `pangkat` or `golongan`: %s", tnd_rule(ayat));
	tay = tnd_titles_ayat(peran, pen);
	if (nama != NULL && tay != NULL) {
		char *bare = tnd_strip_titles(nama);

		k = pnode_get(n, "nama");
		if (strcmp(bare, nama) != 0 && *bare != '\0')
			report(c, D_VAL_SIGN_UNPRINTED, &k->pos, k,
			    "the name is printed without titles, as `%s`: %s", bare,
			    tnd_rule(tay));
		free(bare);
	}
}

static void
post_signer(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *sj = pnode_get(n, "status_jabatan"), *p;
	const char *s = str_of(n, "status_jabatan"), *gol, *pk;
	size_t i;

	if (s != NULL && (strcmp(s, "an") == 0 || strcmp(s, "ub") == 0) &&
	    str_of(n, "atas_nama") == NULL)
		report_absent(c, D_VAL_NEEDS, n, &sj->pos, "atas_nama",
		    "`status_jabatan: %s` needs `atas_nama`, the position signed for", s);
	check_signer_form(c, n);
	gol = str_of(n, "golongan");
	pk = str_of(n, "pangkat");
	if (gol == NULL || pk == NULL)
		return;
	p = pnode_get(n, "pangkat");
	for (i = 0; i < sizeof(pangkat_table) / sizeof(pangkat_table[0]); i++)
		if (strcmp(gol, pangkat_table[i].gol) == 0 &&
		    !same_words(pk, pangkat_table[i].pangkat))
			report(c, D_VAL_PANGKAT, &p->pos, p,
			    "pangkat `%s` does not match golongan `%s`, whose pangkat is `%s`",
			    pk, gol, pangkat_table[i].pangkat);
}

/*
 * The document prints totals of jp, peserta and anggaran per strategy and
 * over all activities: each must stay within VAL_MAX_INT, as each value
 * does, so that compute.c's sums cannot overflow (9,300 activities at
 * Rp999.999.999.999.999 once did).  Reported once per key, at the activity
 * whose value passes the bound.
 */
static void
check_totals(struct vctx *c, const struct pnode *daftar)
{
	static const char *const keys[] = { "jp", "peserta", "anggaran" };
	const struct pnode *s, *k, *v;
	double sum[3] = { 0, 0, 0 }, x;
	int told[3] = { 0, 0, 0 };
	size_t i;

	if (daftar == NULL || daftar->type != PN_SEQ)
		return;
	for (s = daftar->first; s != NULL; s = s->next) {
		k = pnode_get(s, "kegiatan");
		for (k = k != NULL && k->type == PN_SEQ ? k->first : NULL; k != NULL;
		    k = k->next)
			for (i = 0; i < 3; i++) {
				v = pnode_get(k, keys[i]);
				if (told[i] || !count_of(v, &x))
					continue;
				sum[i] += x;
				if (sum[i] > VAL_MAX_INT) {
					told[i] = 1;
					report(c, D_VAL_TOTAL, &v->pos, v,
					    "the total of `%s` over all activities passes "
					    "10^15 here: it would be %.0f or more", keys[i],
					    sum[i]);
				}
			}
	}
}

/* Paraf koordinasi: up to three officials initial a draft before it is
 * signed (docs/tata-naskah.md); a final document never shows them. */
static void
post_paraf(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *dok = pnode_get(n->parent, "dokumen"), *it;
	const char *st = str_of(dok, "status");

	(void)f;
	if (n->type != PN_SEQ)
		return;
	for (it = n->first; it != NULL; it = it->next)
		if (it->index == 3)
			report(c, D_VAL_PARAF, &it->pos, it,
			    "at most three officials initial a draft (paraf "
			    "koordinasi); `paraf` has %zu", n->nchild);
	if (st != NULL && strcmp(st, "final") == 0 && n->nchild > 0)
		report(c, D_VAL_PARAF_FINAL, &n->keypos, n,
		    "a final document never prints `paraf`: the officials "
		    "initialled the draft; remove the list");
}

/* A final document is signed: the act that adopts it has its number and
 * date, which the head of each appendix prints (a draft prints dots). */
static void
final_penetapan(struct vctx *c, const struct pnode *pen)
{
	if (pen == NULL || pen->type != PN_MAP)
		return;
	if (str_of(pen, "nomor") == NULL)
		report_absent(c, D_VAL_NEEDS, pen, map_pos(pen), "nomor",
		    "a final document needs the `nomor` of the act that adopts it");
	if (str_of(pen, "tanggal") == NULL)
		report_absent(c, D_VAL_NEEDS, pen, map_pos(pen), "tanggal",
		    "a final document needs the `tanggal` of the act that adopts it");
}

/* dokumen.tte_verifikasi: the address its QR code holds beside the
 * signature block (docs/tata-naskah.md, electronic signature). */
static void
post_tte_url(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	(void)f;
	if (!pat_match(SCHEMA_PAT_URL, n->str))
		report(c, D_VAL_TTE_URL, &n->pos, n,
		    "`%s` is not a web address starting with http:// or https://",
		    n->str);
	else if (strlen(n->str) > SCHEMA_TTE_URL_MAX)
		report(c, D_VAL_TTE_URL, &n->pos, n,
		    "the address has %zu characters; its QR code holds at most %d "
		    "(a shorter address, e.g. with a short code, fits)",
		    strlen(n->str), SCHEMA_TTE_URL_MAX);
}

/* The electronic signature is printed only on a final document with
 * `tte: ya`: a draft is never signed (docs/tata-naskah.md). */
static void
check_tte(struct vctx *c, const struct pnode *dok)
{
	const struct pnode *tte = pnode_get(dok, "tte");
	const struct pnode *url = pnode_get(dok, "tte_verifikasi");
	const char *st = str_of(dok, "status"), *v = str_of(dok, "tte");
	int on = v != NULL && (strcmp(v, "ya") == 0 || strcmp(v, "true") == 0);

	if (on && (st == NULL || strcmp(st, "final") != 0))
		report(c, D_VAL_TTE_UNUSED, &tte->keypos, tte,
		    "a draft (`status: konsep`) is never signed: its pages show "
		    "no electronic-signature footer or QR code until `status: final`");
	else if (!on && str_of(dok, "tte_verifikasi") != NULL)
		report(c, D_VAL_TTE_UNUSED, &url->keypos, url,
		    "printed only with `tte: ya`, as the QR code of an electronic "
		    "signature");
}

static void
post_root(struct vctx *c, const struct pnode *n, const struct schema_field *f)
{
	const struct pnode *dok = pnode_get(n, "dokumen"), *st = pnode_get(dok, "status");
	const struct pnode *s, *k, *kg, *peg;
	double pegawai, jp, ps;
	size_t i;
	int years;

	if (st != NULL && st->type == PN_STR && strcmp(st->str, "final") == 0) {
		if (str_of(dok, "nomor") == NULL)
			report_absent(c, D_VAL_NEEDS, dok, &st->pos, "nomor",
			    "a final document needs `nomor`, its official number");
		if (pnode_get(n, "penandatangan") == NULL)
			report_absent(c, D_VAL_NEEDS, n, &st->pos, "penandatangan",
			    "a final document needs `penandatangan`, who signs it");
		if (str_of(dok, "tanggal") == NULL)
			report_absent(c, D_VAL_NEEDS, dok, &st->pos, "tanggal",
			    "a final document needs `tanggal`, its date");
		final_penetapan(c, pnode_get(dok, "penetapan"));
	}
	if (dok != NULL && dok->type == PN_MAP)
		check_tte(c, dok);
	/* Every goal should be measured by some indicator. */
	for (i = 0; i < c->ncodes; i++)
		if (c->codes[i].kind == 0 && !c->codes[i].used && c->codes[i].bad == NULL &&
		    (i == 0 || strcmp(c->codes[i - 1].code, c->codes[i].code) != 0 ||
		     c->codes[i - 1].kind != 0))
			report(c, D_VAL_GOAL_UNMEASURED, &c->codes[i].node->pos,
			    c->codes[i].node->parent,
			    "goal `%s` has no indicator in `monitoring.indikator`",
			    c->codes[i].code);
	s = pnode_get(pnode_get(n, "strategi"), "daftar");
	check_totals(c, s);
	/* PP 17/2020: 20 JP a year per civil servant. */
	peg = pnode_get(pnode_get(pnode_get(n, "kondisi"), "pegawai"), "jumlah");
	if (s == NULL || s->type != PN_SEQ || !count_of(peg, &pegawai) ||
	    pegawai <= 0 || c->mulai == 0)
		return;
	for (k = s->first; k != NULL; k = k->next) {
		kg = pnode_get(k, "kegiatan");
		if (kg == NULL || kg->type != PN_SEQ)
			continue;
		for (kg = kg->first; kg != NULL; kg = kg->next)
			if (count_of(pnode_get(kg, "jp"), &jp) &&
			    count_of(pnode_get(kg, "peserta"), &ps) && jp > 0 && ps > 0) {
				c->jp_sum += jp * ps;
				c->jp_any = 1;
			}
	}
	years = c->selesai - c->mulai + 1;
	if (c->jp_any && c->jp_sum / (pegawai * years) < VAL_MIN_JP) {
		const struct pnode *sn = pnode_get(n, "strategi");

		report(c, D_VAL_JP, &sn->keypos, sn,
		    "activities give %.1f JP per civil servant a year (sum of jp x peserta "
		    "%.0f / (%.0f pegawai x %d years)); PP 17/2020 asks for at least %d JP a year each",
		    c->jp_sum / (pegawai * years), c->jp_sum, pegawai, years, VAL_MIN_JP);
	}
}

static const post_fn posts[SCHEMA_CHECK__COUNT] = {
	[SCHEMA_CHECK_FORMAT] = post_format,
	[SCHEMA_CHECK_REGION_CODE] = post_region_code,
	[SCHEMA_CHECK_NIP] = post_nip,
	[SCHEMA_CHECK_GOLONGAN] = post_golongan,
	[SCHEMA_CHECK_EMAIL] = post_email,
	[SCHEMA_CHECK_PHONE] = post_phone,
	[SCHEMA_CHECK_URL] = post_url,
	[SCHEMA_CHECK_SCHEDULE] = post_schedule,
	[SCHEMA_CHECK_POSITIVE] = post_positive,
	[SCHEMA_CHECK_NONNEG] = post_nonneg,
	[SCHEMA_CHECK_GOAL_REF] = post_goal_ref,
	[SCHEMA_CHECK_STRATEGY_REF] = post_strategy_ref,
	[SCHEMA_CHECK_TARGET_YEAR] = post_target_year,
	[SCHEMA_CHECK_ROOT] = post_root,
	[SCHEMA_CHECK_PERIOD] = post_period,
	[SCHEMA_CHECK_WILAYAH] = post_wilayah,
	[SCHEMA_CHECK_PEGAWAI] = post_pegawai,
	[SCHEMA_CHECK_KOMPETENSI] = post_kompetensi,
	[SCHEMA_CHECK_INDIKATOR] = post_indikator,
	[SCHEMA_CHECK_SIGNER] = post_signer,
	[SCHEMA_CHECK_PARAF] = post_paraf,
	[SCHEMA_CHECK_TTE_URL] = post_tte_url,
};

/* ---- characters the PDF cannot show ------------------------------------ */

/*
 * Every string is checked, wherever it is.  A character's position is found
 * in the file text: a cursor moves forward only, from each scalar's start
 * to the next node's start, matching the scalar's unprintable characters in
 * order.  Plain, quoted and block scalars all hold such a character
 * literally; one written as an escape (`"\u2264"`) is not found before the
 * next node and is reported at the scalar's start.  Linear in the file.
 */
struct cursor {
	const char	*s;
	size_t		 len, off;
	int		 line, col;
};

static void
cursor_step(struct cursor *k)
{
	unsigned char ch = (unsigned char)k->s[k->off++];

	if (ch == '\n' || (ch == '\r' && (k->off >= k->len || k->s[k->off] != '\n'))) {
		k->line++;
		k->col = 1;
	} else if (ch != '\r' && (ch & 0xC0) != 0x80)
		k->col++;
	/* The column counts a character at its first byte: skip the rest. */
	while (k->off < k->len && ((unsigned char)k->s[k->off] & 0xC0) == 0x80)
		k->off++;
}

static int
cursor_before(const struct cursor *k, int line, int col)
{
	return k->line < line || (k->line == line && k->col < col);
}

static void
cursor_to(struct cursor *k, int line, int col)
{
	while (k->off < k->len && cursor_before(k, line, col))
		cursor_step(k);
}

/*
 * A control character: C0 but tab and line feed, DEL, C1.  Refused in
 * every field, Markdown or not (issue 10): NUL cut the cover title and the
 * PDF title at it, ESC, form feed and DEL reached the PDF.  Tab and line
 * feed are white space a plain field folds and Markdown reads; a carriage
 * return cannot come from a line end (YAML makes those line feeds), only
 * from an escape.
 */
static int
is_control(unsigned long cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

/* The first of the template's fonts lacking cp (WinAnsi's characters
 * every font has), or -1. */
static int
font_lacking(const struct vctx *c, unsigned long cp)
{
	int f;

	if (cp < 0x80 || winansi_from_cp(cp) >= 0)
		return -1;
	for (f = 0; f < FONT__COUNT; f++)
		if (!metrics_has(c->m, (enum font_style)f, cp))
			return f;
	return -1;
}

/* validate_plan: a control character; validate_chars: a character one of
 * the template's fonts lacks (controls were reported before). */
static int
bad_char(const struct vctx *c, unsigned long cp)
{
	if (c->m == NULL)
		return is_control(cp);
	return !is_control(cp) && font_lacking(c, cp) >= 0;
}

/* The file name of a font (a template's own font is a path). */
static const char *
font_base(const char *path)
{
	const char *sl = strrchr(path, '/');

	return sl != NULL ? sl + 1 : path;
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/*
 * A YAML double-quoted escape at s[0..len): its length in bytes and, in
 * *cp, the character it stands for.
 * 0 when s does not start with one.
 */
static size_t
yaml_escape(const char *s, size_t len, unsigned long *cp)
{
	size_t i, n = 0;

	if (len < 2 || s[0] != '\\')
		return 0;
	switch (s[1]) {
	case '0': *cp = 0x00; return 2;
	case 'a': *cp = 0x07; return 2;
	case 'b': *cp = 0x08; return 2;
	case 't': case '\t': *cp = 0x09; return 2;
	case 'n': *cp = 0x0A; return 2;
	case 'v': *cp = 0x0B; return 2;
	case 'f': *cp = 0x0C; return 2;
	case 'r': *cp = 0x0D; return 2;
	case 'e': *cp = 0x1B; return 2;
	case ' ': case '"': case '/': case '\\': *cp = (unsigned char)s[1]; return 2;
	case 'N': *cp = 0x85; return 2;
	case '_': *cp = 0xA0; return 2;
	case 'L': *cp = 0x2028; return 2;
	case 'P': *cp = 0x2029; return 2;
	case 'x': n = 2; break;
	case 'u': n = 4; break;
	case 'U': n = 8; break;
	default: return 0;
	}
	if (len < 2 + n)
		return 0;
	for (*cp = 0, i = 0; i < n; i++) {
		int h = hexval((unsigned char)s[2 + i]);

		if (h < 0)
			return 0;
		*cp = *cp * 16 + (unsigned long)h;
	}
	return 2 + n;
}

static void
check_chars(struct vctx *c, struct cursor *k, const struct pnode *n,
    const struct srcpos *end)
{
	size_t i = 0, w, e;
	unsigned long cp, scp;
	int found, dq;

	cursor_to(k, n->pos.line, n->pos.col);
	/* In a double-quoted scalar a character may be written as an escape
	 * (`"\0"`, `"\e"`, `"\u00e9"`): an escape is read as one unit. */
	dq = k->s != NULL && k->off < k->len && k->s[k->off] == '"';
	while (i < n->len) {
		w = utf8_decode(n->str + i, n->len - i, &cp);
		if (!bad_char(c, cp)) {
			i += w;
			continue;
		}
		/* Find it in the file before the next node. */
		found = 0;
		while (k->s != NULL && k->off < k->len &&
		    (end == NULL || cursor_before(k, end->line, end->col))) {
			e = dq ? yaml_escape(k->s + k->off, k->len - k->off, &scp) : 0;
			if (e == 0)
				utf8_decode(k->s + k->off, k->len - k->off, &scp);
			if (scp == cp) {
				found = 1;
				break;
			}
			do
				cursor_step(k);
			while (e > 0 && --e > 0);
		}
		{
			struct srcpos p = n->pos;

			if (found) {
				p.line = k->line;
				p.col = k->col;
				cursor_step(k);
			}
			if (c->m == NULL)
				report(c, D_VAL_CONTROL, &p, n,
				    "control character U+%04lX is not allowed in a "
				    "value", cp);
			else
				report(c, D_VAL_CHAR, &p, n,
				    "character `%.*s` (U+%04lX) is not in the "
				    "template's font `%s`: the PDF cannot show it",
				    (int)w, n->str + i, cp,
				    font_base(c->fonts[font_lacking(c, cp)]));
		}
		i += w;
	}
}

static int
needs_char_check(const struct vctx *c, const struct pnode *n)
{
	size_t i;
	unsigned long cp;

	for (i = 0; i < n->len; ) {
		if ((unsigned char)n->str[i] < 0x80) {
			if (is_control((unsigned char)n->str[i]))
				return 1;
			i++;
			continue;
		}
		i += utf8_decode(n->str + i, n->len - i, &cp);
		if (bad_char(c, cp))
			return 1;
	}
	return 0;
}

/* The next node in document order after n (pre-order), or NULL. */
static const struct pnode *
next_in_order(const struct pnode *n)
{
	if (n->first != NULL)
		return n->first;
	while (n != NULL && n->next == NULL)
		n = n->parent;
	return n != NULL ? n->next : NULL;
}

static void
check_all_chars(struct vctx *c)
{
	struct cursor k;
	const struct pnode *n, *nx;
	size_t i;

	memset(&k, 0, sizeof(k));
	for (i = 0; i < c->dl->nsrc; i++)
		if (strcmp(c->dl->src[i].file, c->pl->file) == 0) {
			k.s = c->dl->src[i].text;
			k.len = c->dl->src[i].len;
		}
	if (k.s != NULL && k.len >= 3 && memcmp(k.s, "\xEF\xBB\xBF", 3) == 0)
		k.off = 3;
	k.line = k.col = 1;
	for (n = c->pl->root; n != NULL; n = nx) {
		nx = next_in_order(n);
		if (n->type != PN_STR || n->generated || !needs_char_check(c, n))
			continue;
		check_chars(c, &k, n, nx == NULL ? NULL :
		    nx->key != NULL ? &nx->keypos : &nx->pos);
	}
}

/* ---- entry --------------------------------------------------------------- */

int
validate_plan(const struct plan *pl, struct diag_list *dl)
{
	struct vctx c;
	size_t before = dl->nerror;

	if (pl == NULL || pl->root == NULL)
		return 0;
	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.pl = pl;
	collect(&c);
	walk(&c, pl->root, schema_root());
	check_all_chars(&c);
	for (size_t i = 0; i < c.ncodes; i++)
		free(c.codes[i].bad);
	free(c.codes);
	return (int)(dl->nerror - before);
}

int
validate_tree(const struct pnode *root, const struct schema_field *f,
    enum diag_code key_code, enum diag_code value_code, struct diag_list *dl)
{
	size_t before = dl->nerror;
	struct vctx c;

	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.remap = 1;
	c.key_code = key_code;
	c.value_code = value_code;
	walk(&c, root, f);
	return (int)(dl->nerror - before);
}

/* The PCRE2 in use (rencana --version): "10.42 2022-12-11". */
static char pcre2_version[64];

static void
read_pcre2_version(void)
{
	if (pcre2_config(PCRE2_CONFIG_VERSION, NULL) > (int)sizeof(pcre2_version) ||
	    pcre2_config(PCRE2_CONFIG_VERSION, pcre2_version) < 0)
		strcpy(pcre2_version, "?");
}

const char *
validate_lib_version(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, read_pcre2_version);
	return pcre2_version;
}

int
validate_chars(const struct plan *pl, const struct metrics *m,
    const char *const *fonts, struct diag_list *dl)
{
	struct vctx c;
	size_t before = dl->nerror;

	if (pl == NULL || pl->root == NULL || m == NULL)
		return 0;
	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.pl = pl;
	c.m = m;
	c.fonts = fonts;
	check_all_chars(&c);
	return (int)(dl->nerror - before);
}
