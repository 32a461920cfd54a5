/*
 * rencana: computed fields.  Copies the plan tree and adds what templates
 * print but the planner does not type, so that templates stay declarative:
 * long dates, Indonesian numbers and rupiah, region names, chapter titles,
 * totals, row numbers and first/last flags.
 *
 * Every added node is flagged `generated` and carries the position of the
 * field it was computed from, so a later message can point at the plan.
 * docs/templates.md, "Computed fields", lists every name; the table
 * `known[]` below lists them too, for strict template checking.
 *
 * Values only: the document's structure (which chapters in which order,
 * their sections and tables, and every number) is the template's, and
 * number.c numbers it on the block tree (issue 11).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "compute.h"
#include "schema.h"
#include "tnd.h"
#include "validate.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
#define COMPUTE_MAX_DIGITS	30	/* numbers longer than this are printed as typed */

/* ---- formatters --------------------------------------------------------- */

static const char *const month_id[12] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"
};
static const char *const month_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static int
is_en(const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0;
}

/* Month m (1..12) by name. */
static const char *
month_name(int m, const char *lang)
{
	if (is_en(lang))
		return month_en[m - 1];
	return month_id[m - 1];
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

char *
compute_date_long(const char *ymd, const char *lang)
{
	int y, m, d;

	if (ymd == NULL || strlen(ymd) != 10 || ymd[4] != '-' || ymd[7] != '-' ||
	    !all_digits(ymd, 4) || !all_digits(ymd + 5, 2) || !all_digits(ymd + 8, 2))
		return NULL;
	y = atoi(ymd);
	m = atoi(ymd + 5);
	d = atoi(ymd + 8);
	if (!validate_date_exists(y, m, d))
		return NULL;
	return xasprintf("%d %s %04d", d, month_name(m, lang), y);
}

/* Appends the digits s[0..n) grouped by three with sep. */
static void
put_grouped(struct buf *b, const char *s, size_t n, char sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, sep);
		buf_putc(b, s[i]);
	}
}

char *
compute_number(const char *typed)
{
	struct buf b = BUF_INIT;
	const char *s = typed, *dot;
	size_t nint;

	if (s == NULL)
		return NULL;
	if (*s == '-' || *s == '+') {
		if (*s == '-')
			buf_putc(&b, '-');
		s++;
	}
	dot = strchr(s, '.');
	nint = dot ? (size_t)(dot - s) : strlen(s);
	if (!all_digits(s, nint) || nint > COMPUTE_MAX_DIGITS ||
	    (dot != NULL && (!all_digits(dot + 1, strlen(dot + 1)) ||
	     strlen(dot + 1) > COMPUTE_MAX_DIGITS))) {
		buf_free(&b);
		return NULL;
	}
	/* Leading zeros are not meaningful in a quantity: "007" is 7. */
	while (nint > 1 && *s == '0') {
		s++;
		nint--;
	}
	put_grouped(&b, s, nint, '.');
	if (dot != NULL) {
		buf_putc(&b, ',');
		buf_puts(&b, dot + 1);
	}
	return buf_detach(&b);
}

char *
compute_rupiah(const char *typed)
{
	char *n;
	char *r;

	if (typed == NULL || !all_digits(typed, strlen(typed)))
		return NULL;
	if ((n = compute_number(typed)) == NULL)
		return NULL;
	r = xasprintf("Rp%s,00", n);
	free(n);
	return r;
}

char *
compute_nip(const char *nip)
{
	char d[19];
	size_t n = 0;
	const char *p;

	if (nip == NULL)
		return NULL;
	for (p = nip; *p != '\0'; p++) {
		if (*p == ' ')
			continue;
		if (!isdigit((unsigned char)*p) || n == 18)
			return NULL;
		d[n++] = *p;
	}
	if (n != 18)
		return NULL;
	return xasprintf("%.8s %.6s %.1s %.3s", d, d + 8, d + 14, d + 15);
}

char *
compute_region(const char *tingkat, const char *nama)
{
	const char *word = schema_word("wilayah.tingkat", tingkat, NULL);

	if (tingkat == NULL || nama == NULL || word == tingkat)
		return NULL;
	return xasprintf("%s %s", word, nama);
}

char *
compute_upper(const char *s)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		if (*p < 0x80)
			buf_putc(&b, toupper(*p++));
		else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
			/* U+00E0..U+00FE (not the division sign): minus 0x20. */
			buf_putc(&b, 0xC3);
			buf_putc(&b, p[1] - 0x20);
			p += 2;
		} else
			buf_putc(&b, *p++);
	}
	return buf_detach(&b);
}

char *
compute_percent(long long part, long long whole)
{
	long long tenths;

	if (whole <= 0 || part < 0 || part > 1000000000000LL)
		return NULL;
	tenths = (part * 1000 + whole / 2) / whole;
	return xasprintf("%lld,%lld%%", tenths / 10, tenths % 10);
}

/* ---- building the context ------------------------------------------------ */

struct cctx {
	struct diag_list *dl;
	const struct style *st;
	const char	*lang;
};

/* White space a plain field folds: ASCII blanks and line ends. */
static int
fold_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

/* s[0..len) on one line: every run of white space one space, none at the
 * ends.  Returns a new string; *out_len its length. */
static char *
fold(const char *s, size_t len, size_t *out_len)
{
	char *r = xmalloc(len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (!fold_space((unsigned char)s[i]))
			r[n++] = s[i];
		else if (n > 0 && r[n - 1] != ' ')
			r[n++] = ' ';
	}
	if (n > 0 && r[n - 1] == ' ')
		n--;
	r[n] = '\0';
	*out_len = n;
	return r;
}

/* A map member that is absent for every later stage: a null or a value
 * of white space only (an empty map or list stays: its chapter is given). */
static int
blank_value(const struct pnode *n)
{
	size_t i;

	if (n->type != PN_STR)
		return 0;
	if (pnode_is_null(n))
		return 1;
	for (i = 0; i < n->len; i++)
		if (!fold_space((unsigned char)n->str[i]))
			return 0;
	return 1;
}

/*
 * Copies a subtree; depth is bounded by PLAN_MAX_DEPTH of the loader.
 * With `plan` set, n is the plan at schema field f (NULL: not in the
 * format) and the copy is what every later stage may rely on (issue 10):
 * a value of a field that is not Markdown is folded to one line, so no
 * plain text can start a line of the Markdown (a heading, a fence, a
 * directive key); a null or blank member is left out, so it is absent
 * everywhere, as if not typed.
 */
static struct pnode *
copy_tree(const struct pnode *n, int plan, const struct schema_field *f)
{
	struct pnode *c = xcalloc(1, sizeof(*c));
	const struct pnode *k;

	c->type = n->type;
	c->style = n->style;
	c->pos = n->pos;
	c->keypos = n->keypos;
	c->generated = n->generated;
	if (n->str != NULL && plan && (f == NULL || f->type != SCHEMA_MARKDOWN))
		c->str = fold(n->str, n->len, &c->len);
	else if (n->str != NULL) {
		size_t len = n->len;

		/* A block scalar (`|`) ends with a newline; a template puts
		 * its own line ends after a field, so a kept one would double
		 * the blank line after every Markdown field. */
		while (len > 0 && (n->str[len - 1] == '\n' || n->str[len - 1] == '\r'))
			len--;
		c->str = xstrndup(n->str, len);
		c->len = len;
	}
	for (k = n->first; k != NULL; k = k->next) {
		struct pnode *ck;

		if (plan && n->type == PN_MAP && blank_value(k))
			continue;
		ck = copy_tree(k, plan, n->type == PN_MAP ? schema_child(f, k->key) :
		    schema_child(f, NULL));
		pnode_append(c, k->key, ck);
		ck->keypos = k->keypos;
	}
	return c;
}

static const struct srcpos *
pos_of(const struct pnode *from)
{
	return from != NULL ? &from->pos : NULL;
}

/* Adds a string under key (map) or as an item (key NULL). */
static struct pnode *
put_str(struct pnode *parent, const char *key, const char *s,
    const struct pnode *from)
{
	struct pnode *n = pnode_new_str(s, strlen(s), pos_of(from ? from : parent));

	pnode_append(parent, key, n);
	return n;
}

/* Same, taking a string the function frees; NULL puts `fallback`. */
static void
put_own(struct pnode *parent, const char *key, char *s, const char *fallback,
    const struct pnode *from)
{
	if (s != NULL || fallback != NULL)
		put_str(parent, key, s != NULL ? s : fallback, from);
	free(s);
}

/* A flag: "true", or an empty list, which every Mustache reads as false
 * (a plain `false` string would depend on how scalars are typed). */
static void
put_flag(struct pnode *parent, const char *key, int on, const struct pnode *from)
{
	if (on)
		put_str(parent, key, "true", from);
	else
		pnode_append(parent, key, pnode_new(PN_SEQ, pos_of(from ? from : parent)));
}

static struct pnode *
put_node(struct pnode *parent, const char *key, enum pn_type type,
    const struct pnode *from)
{
	struct pnode *n = pnode_new(type, pos_of(from ? from : parent));

	pnode_append(parent, key, n);
	return n;
}

static void
put_long(struct pnode *parent, const char *key, long long v,
    const struct pnode *from)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%lld", v);
	put_str(parent, key, tmp, from);
}

/* A whole number typed in map[key]; 0 when absent or not a number. */
static int
get_ll(const struct pnode *map, const char *key, long long *v)
{
	const char *s = pnode_str(map, key);

	*v = 0;
	if (s == NULL || !all_digits(s, strlen(s)) || strlen(s) > 18)
		return 0;
	*v = strtoll(s, NULL, 10);
	return 1;
}

/*
 * *sum += v, checked: a total past what a long long holds is an error at
 * the value that made it so (the validator refuses totals over 10^15
 * first, so a valid plan never gets here).  Returns 0 after an overflow,
 * when *sum is left as it was.
 */
static int
add_checked(struct cctx *c, long long *sum, long long v, const struct pnode *at)
{
	long long r;

	if (!__builtin_add_overflow(*sum, v, &r)) {
		*sum = r;
		return 1;
	}
	diag_add(c->dl, D_VAL_TOTAL, at != NULL ? &at->pos : NULL, NULL,
	    "a total passes %lld here: it cannot be computed", *sum);
	return 0;
}

static void
put_number(struct pnode *parent, const char *key, long long v,
    const struct cctx *c, const struct pnode *from)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%lld", v);
	put_own(parent, key, compute_number(tmp), NULL, from);
}

static void
put_rupiah(struct pnode *parent, const char *key, long long v,
    const struct cctx *c, const struct pnode *from)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%lld", v);
	put_own(parent, key, compute_rupiah(tmp), NULL, from);
}

/* Row numbers and first/last flags on the items of a list of maps. */
static void
put_rows(struct pnode *list)
{
	struct pnode *it;

	if (list == NULL || list->type != PN_SEQ)
		return;
	for (it = list->first; it != NULL; it = it->next) {
		if (it->type != PN_MAP)
			continue;
		put_long(it, "no", (long long)it->index + 1, it);
		put_flag(it, "pertama", it == list->first, it);
		put_flag(it, "terakhir", it->next == NULL, it);
	}
}

/* The number of items of a list, `banyak`, and the flag `tunggal` when it
 * is one: English nouns after a number need it ("1 goal", "2 goals"). */
static void
put_count(struct pnode *map, const struct pnode *list)
{
	long long n = list != NULL && list->type == PN_SEQ ? (long long)list->nchild : 0;

	put_long(map, "banyak", n, map);
	put_flag(map, "tunggal", n == 1, map);
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The words printed for enum values are schema.c's (schema_word). */

/* "2026" "2026-03" "2026-Q2" "2026-S1" -> display text, else a copy. */
static char *
jadwal_text(const char *j, const char *lang)
{
	static const char *const r[4] = { "I", "II", "III", "IV" };

	if (strlen(j) == 7 && all_digits(j, 4) && j[4] == '-') {
		int k = j[6] - '0';

		if (all_digits(j + 5, 2) && atoi(j + 5) >= 1 && atoi(j + 5) <= 12)
			return xasprintf("%s %.4s", month_name(atoi(j + 5), lang), j);
		if (j[5] == 'Q' && k >= 1 && k <= 4)
			return xasprintf("%s %s %.4s", is_en(lang) ? "Quarter" :
			    "Triwulan", r[k - 1], j);
		if (j[5] == 'S' && k >= 1 && k <= 2)
			return xasprintf("Semester %s %.4s", r[k - 1], j);
	}
	return xstrdup(j);
}

/* Joins the strings of a list with ", ". */
static char *
join_list(const struct pnode *list)
{
	struct buf b = BUF_INIT;
	const struct pnode *it;

	if (list == NULL || list->type != PN_SEQ)
		return NULL;
	for (it = list->first; it != NULL; it = it->next) {
		if (it->type != PN_STR)
			continue;
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, it->str);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* One line of text (directive values, table cells): runs of white space
 * one space, none at the ends. */
static char *
one_line(const char *s)
{
	size_t n;

	return fold(s, strlen(s), &n);
}

/* Markdown for a table cell: one line, `|` escaped (GFM splits cells on
 * it even inside code). */
static char *
cell_markdown(const char *s)
{
	char *l = one_line(s);
	struct buf b = BUF_INIT;
	const char *p;

	for (p = l; *p != '\0'; p++) {
		if (*p == '|' && (p == l || p[-1] != '\\'))
			buf_putc(&b, '\\');
		buf_putc(&b, *p);
	}
	free(l);
	return buf_detach(&b);
}

/* A plain value for a cell, or "-" when absent. */
static void
put_cell(struct pnode *item, const char *key, const char *v,
    const struct pnode *from)
{
	put_own(item, key, v != NULL && *v != '\0' ? one_line(v) : NULL, "-", from);
}

/* ---- per chapter ---------------------------------------------------------- */

static void
do_pendahuluan(struct cctx *c, struct pnode *root)
{
	struct pnode *dh = pnode_get(root, "dasar_hukum");

	put_flag(root, "ada_dasar_hukum", dh != NULL && dh->type == PN_SEQ &&
	    dh->nchild > 0, dh != NULL ? dh : root);
}

static void
do_kondisi(struct cctx *c, struct pnode *root)
{
	struct pnode *k = pnode_get(root, "kondisi");
	struct pnode *peg = pnode_get(k, "pegawai");
	struct pnode *komp = pnode_get(k, "kompetensi");
	struct pnode *rin, *r, *d;
	long long total;

	if (k != NULL && k->type == PN_MAP)
		put_flag(k, "ada_kompetensi", komp != NULL &&
		    komp->type == PN_SEQ && komp->nchild > 0, komp ? komp : k);
	if (peg != NULL && peg->type == PN_MAP) {
		if (get_ll(peg, "jumlah", &total)) {
			put_number(peg, "jumlah_teks", total, c, pnode_get(peg, "jumlah"));
			put_flag(peg, "tunggal", total == 1, pnode_get(peg, "jumlah"));
		}
		put_own(peg, "per_tanggal_teks", compute_date_long(pnode_str(peg,
		    "per_tanggal"), c->lang), NULL, pnode_get(peg, "per_tanggal"));
		rin = pnode_get(peg, "rincian");
		put_rows(rin);
		for (r = rin ? rin->first : NULL; r != NULL; r = r->next) {
			struct pnode *daftar = pnode_get(r, "daftar");
			long long sum = 0, v;

			if (r->type != PN_MAP)
				continue;
			put_rows(daftar);
			for (d = daftar ? daftar->first : NULL; d != NULL; d = d->next)
				if (get_ll(d, "jumlah", &v) &&
				    !add_checked(c, &sum, v, pnode_get(d, "jumlah")))
					break;
			for (d = daftar ? daftar->first : NULL; d != NULL; d = d->next) {
				if (d->type != PN_MAP)
					continue;
				get_ll(d, "jumlah", &v);
				put_cell(d, "label_teks", pnode_str(d, "label"), d);
				put_number(d, "jumlah_teks", v, c, pnode_get(d, "jumlah"));
				put_own(d, "persen", compute_percent(v, sum), "-",
				    pnode_get(d, "jumlah"));
			}
			put_number(r, "jumlah_teks", sum, c, daftar);
			put_own(r, "persen", compute_percent(sum, sum), "-", daftar);
		}
	}
	if (komp != NULL && komp->type == PN_SEQ && komp->nchild > 0) {
		put_rows(komp);
		for (d = komp->first; d != NULL; d = d->next) {
			const char *a = pnode_str(d, "saat_ini"), *b = pnode_str(d, "dibutuhkan");
			char *gap = NULL;

			if (d->type != PN_MAP)
				continue;
			put_cell(d, "bidang_teks", pnode_str(d, "bidang"), d);
			put_own(d, "saat_ini_teks", compute_number(a), "-",
			    pnode_get(d, "saat_ini"));
			put_own(d, "dibutuhkan_teks", compute_number(b), "-",
			    pnode_get(d, "dibutuhkan"));
			if (a != NULL && b != NULL) {
				/* The gap with the larger number of decimals typed. */
				const char *da = strchr(a, '.'), *db = strchr(b, '.');
				int prec = (int)(da ? strlen(da + 1) : 0);
				char tmp[64];

				if (db != NULL && (int)strlen(db + 1) > prec)
					prec = (int)strlen(db + 1);
				if (prec > 6)
					prec = 6;
				snprintf(tmp, sizeof(tmp), "%.*f", prec,
				    strtod(b, NULL) - strtod(a, NULL));
				gap = compute_number(tmp);
			}
			put_own(d, "kesenjangan_teks", gap, "-", d);
			put_cell(d, "satuan_teks", pnode_str(d, "satuan"), d);
		}
	}
}

static void
do_tujuan(struct cctx *c, struct pnode *root)
{
	struct pnode *t = pnode_get(root, "tujuan");
	struct pnode *l = pnode_get(t, "daftar");

	put_rows(l);
	if (t != NULL && t->type == PN_MAP)
		put_count(t, l);
}

/*
 * A strategy's budget in each year of the period, for the budget chart:
 * `anggaran_tahun`, one {tahun, jumlah} per year, jumlah the sum of the
 * `anggaran` of its activities whose `jadwal` falls in that year (the
 * jadwal's first four digits); an activity without jadwal is in no year.
 */
static void
put_budget_years(struct cctx *c, struct pnode *it, const struct pnode *root)
{
	const struct pnode *per = pnode_get(root, "periode");
	struct pnode *keg = pnode_get(it, "kegiatan"), *k, *cols;
	long long y0 = 0, y1 = -1, y, v;

	get_ll(per, "mulai", &y0);
	get_ll(per, "selesai", &y1);
	if (y1 - y0 > 50)	/* the validator allows 10; never loop far */
		y1 = y0 + 50;
	cols = put_node(it, "anggaran_tahun", PN_SEQ, it);
	for (y = y0; y <= y1; y++) {
		struct pnode *cell = put_node(cols, NULL, PN_MAP, it);
		long long sum = 0;

		for (k = keg != NULL && keg->type == PN_SEQ ? keg->first : NULL;
		    k != NULL; k = k->next) {
			const char *j = pnode_str(k, "jadwal");

			if (k->type == PN_MAP && j != NULL && strlen(j) >= 4 &&
			    all_digits(j, 4) && atoll(j) == y &&
			    get_ll(k, "anggaran", &v))
				add_checked(c, &sum, v, pnode_get(k, "anggaran"));
		}
		put_long(cell, "tahun", y, it);
		put_long(cell, "jumlah", sum, it);
	}
}

/* The strategies' budgets added up per year: strategi.anggaran_tahun
 * (from each strategy's, which put_budget_years made). */
static void
put_budget_total(struct cctx *c, struct pnode *s)
{
	struct pnode *l = pnode_get(s, "daftar"), *it, *yc, *cols;
	long long sum[51], v;
	const char *year[51];
	size_t n = 0, i;

	for (it = l != NULL ? l->first : NULL; it != NULL; it = it->next) {
		i = 0;
		for (yc = pnode_get(it, "anggaran_tahun") != NULL ?
		    pnode_get(it, "anggaran_tahun")->first : NULL;
		    yc != NULL && i < 51; yc = yc->next, i++) {
			if (i == n) {
				year[n] = pnode_str(yc, "tahun");
				sum[n++] = 0;
			}
			if (get_ll(yc, "jumlah", &v))
				add_checked(c, &sum[i], v, it);
		}
	}
	if (n == 0)
		return;
	cols = put_node(s, "anggaran_tahun", PN_SEQ, s);
	for (i = 0; i < n; i++) {
		struct pnode *cell = put_node(cols, NULL, PN_MAP, s);

		put_str(cell, "tahun", year[i], s);
		put_long(cell, "jumlah", sum[i], s);
	}
}

static void
do_strategi(struct cctx *c, struct pnode *root)
{
	struct pnode *s = pnode_get(root, "strategi");
	struct pnode *l = pnode_get(s, "daftar"), *it, *k;
	long long tjp = 0, tpes = 0, tang = 0, tkeg = 0;

	if (s == NULL || s->type != PN_MAP)
		return;
	put_rows(l);
	for (it = l ? l->first : NULL; it != NULL; it = it->next) {
		struct pnode *keg = pnode_get(it, "kegiatan");
		long long jp = 0, pes = 0, ang = 0, v;

		if (it->type != PN_MAP)
			continue;
		put_own(it, "tujuan_teks", join_list(pnode_get(it, "tujuan")), "-",
		    pnode_get(it, "tujuan"));
		put_flag(it, "ada_kegiatan", keg != NULL && keg->type == PN_SEQ &&
		    keg->nchild > 0, keg);
		if (keg == NULL || keg->type != PN_SEQ || keg->nchild == 0)
			continue;
		put_rows(keg);
		for (k = keg->first; k != NULL; k = k->next) {
			const char *j;

			if (k->type != PN_MAP)
				continue;
			put_cell(k, "nama_teks", pnode_str(k, "nama"), k);
			put_cell(k, "bentuk_teks", schema_word(
			    "strategi.daftar.kegiatan.bentuk", pnode_str(k, "bentuk"),
			    c->lang), k);
			if (get_ll(k, "jp", &v)) {
				add_checked(c, &jp, v, pnode_get(k, "jp"));
				put_number(k, "jp_teks", v, c, pnode_get(k, "jp"));
			} else
				put_str(k, "jp_teks", "-", k);
			if (get_ll(k, "peserta", &v)) {
				add_checked(c, &pes, v, pnode_get(k, "peserta"));
				put_number(k, "peserta_teks", v, c, pnode_get(k, "peserta"));
			} else
				put_str(k, "peserta_teks", "-", k);
			if (get_ll(k, "anggaran", &v)) {
				add_checked(c, &ang, v, pnode_get(k, "anggaran"));
				put_rupiah(k, "anggaran_rp", v, c, pnode_get(k, "anggaran"));
			} else
				put_str(k, "anggaran_rp", "-", k);
			j = pnode_str(k, "jadwal");
			put_own(k, "jadwal_teks", j ? jadwal_text(j, c->lang) : NULL,
			    "-", pnode_get(k, "jadwal"));
		}
		put_long(it, "banyak_kegiatan", (long long)keg->nchild, keg);
		put_number(it, "jumlah_jp_teks", jp, c, keg);
		put_number(it, "jumlah_peserta_teks", pes, c, keg);
		put_rupiah(it, "jumlah_anggaran_rp", ang, c, keg);
		put_long(it, "anggaran_angka", ang, keg);
		add_checked(c, &tjp, jp, keg);
		add_checked(c, &tpes, pes, keg);
		add_checked(c, &tang, ang, keg);
		tkeg += (long long)keg->nchild;
	}
	for (it = l ? l->first : NULL; it != NULL; it = it->next)
		if (it->type == PN_MAP)
			put_budget_years(c, it, root);
	put_budget_total(c, s);
	put_count(s, l);
	put_flag(s, "ada_kegiatan", tkeg > 0, s);
	if (tkeg > 0) {
		put_long(s, "banyak_kegiatan", tkeg, s);
		put_number(s, "jumlah_jp_teks", tjp, c, s);
		put_number(s, "jumlah_peserta_teks", tpes, c, s);
		put_rupiah(s, "jumlah_anggaran_rp", tang, c, s);
	}
	/* Strategies without activities still get a row in the summary. */
	for (it = l ? l->first : NULL; it != NULL; it = it->next) {
		if (it->type != PN_MAP || pnode_get(it, "banyak_kegiatan") != NULL)
			continue;
		put_str(it, "banyak_kegiatan", "0", it);
		put_str(it, "jumlah_jp_teks", "0", it);
		put_str(it, "jumlah_peserta_teks", "0", it);
		put_rupiah(it, "jumlah_anggaran_rp", 0, c, it);
		put_str(it, "anggaran_angka", "0", it);
	}
}

/* A partner's contacts on one line, `kontak_teks`; 1 when there are any. */
static int
put_contact(struct pnode *item, const struct pnode *k)
{
	static const char *const keys[] = { "surel", "telepon", "laman" };
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < NELEM(keys); i++) {
		const char *v = pnode_str(k, keys[i]);
		char *l;

		if (v == NULL || *v == '\0')
			continue;
		l = one_line(v);
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, l);
		free(l);
	}
	if (b.len == 0)
		return 0;
	put_str(item, "kontak_teks", buf_str(&b), k);
	buf_free(&b);
	return 1;
}

static void
do_implementasi(struct cctx *c, struct pnode *root)
{
	struct pnode *im = pnode_get(root, "implementasi");
	struct pnode *m = pnode_get(im, "mitra"), *it;
	int kontak = 0;

	if (im != NULL && im->type == PN_MAP)
		put_flag(im, "ada_mitra", m != NULL && m->type == PN_SEQ &&
		    m->nchild > 0, m ? m : im);
	if (m == NULL || m->type != PN_SEQ || m->nchild == 0)
		return;
	put_rows(m);
	for (it = m->first; it != NULL; it = it->next) {
		if (it->type != PN_MAP)
			continue;
		put_cell(it, "nama_teks", pnode_str(it, "nama"), it);
		put_cell(it, "jenis_teks", schema_word("implementasi.mitra.jenis",
		    pnode_str(it, "jenis"), c->lang), it);
		put_cell(it, "peran_teks", pnode_str(it, "peran"), it);
		put_own(it, "strategi_teks", join_list(pnode_get(it, "strategi")),
		    "-", it);
		if (put_contact(it, pnode_get(it, "kontak")))
			kontak = 1;
	}
	put_flag(im, "ada_kontak", kontak, m);
}

static void
do_tantangan(struct cctx *c, struct pnode *root)
{
	struct pnode *t = pnode_get(root, "tantangan");
	struct pnode *l = pnode_get(t, "daftar"), *it;
	const char *m;

	if (t == NULL || t->type != PN_MAP)
		return;
	put_rows(l);
	for (it = l ? l->first : NULL; it != NULL; it = it->next) {
		if (it->type != PN_MAP)
			continue;
		put_cell(it, "judul_teks", pnode_str(it, "judul"), it);
		put_cell(it, "tingkat_teks", schema_word(
		    "tantangan.daftar.tingkat", pnode_str(it, "tingkat"), c->lang), it);
		m = pnode_str(it, "mitigasi");
		put_own(it, "mitigasi_sel", m ? cell_markdown(m) : NULL, "-",
		    pnode_get(it, "mitigasi"));
	}
	put_count(t, l);
	put_flag(t, "ada_daftar", l != NULL && l->type == PN_SEQ && l->nchild > 0,
	    l ? l : t);
}

static void
do_monitoring(struct cctx *c, struct pnode *root)
{
	struct pnode *mo = pnode_get(root, "monitoring");
	struct pnode *l = pnode_get(mo, "indikator"), *it;
	struct pnode *per = pnode_get(root, "periode");
	long long y0 = 0, y1 = -1, y;

	if (mo == NULL || mo->type != PN_MAP)
		return;
	get_ll(per, "mulai", &y0);
	get_ll(per, "selesai", &y1);
	if (y1 - y0 > 50)	/* the validator allows 10; never loop far */
		y1 = y0 + 50;
	put_rows(l);
	for (it = l ? l->first : NULL; it != NULL; it = it->next) {
		struct pnode *b = pnode_get(it, "baseline");
		struct pnode *tg = pnode_get(it, "target"), *cols;
		char *nv;

		if (it->type != PN_MAP)
			continue;
		put_cell(it, "nama_teks", pnode_str(it, "nama"), it);
		put_cell(it, "satuan_teks", pnode_str(it, "satuan"), it);
		nv = compute_number(pnode_str(b, "nilai"));
		if (nv != NULL && pnode_str(b, "tahun") != NULL)
			put_own(it, "baseline_teks", xasprintf("%s (%s)", nv,
			    pnode_str(b, "tahun")), NULL, b);
		else
			put_own(it, "baseline_teks", nv ? xstrdup(nv) : NULL, "-", b);
		free(nv);
		cols = put_node(it, "target_tahun", PN_SEQ, tg);
		for (y = y0; y <= y1; y++) {
			char key[32];
			struct pnode *cell = put_node(cols, NULL, PN_MAP, tg), *v;

			snprintf(key, sizeof(key), "%lld", y);
			v = pnode_get(tg, key);
			put_str(cell, "tahun", key, v ? v : tg);
			put_own(cell, "nilai", v && v->type == PN_STR ?
			    compute_number(v->str) : NULL, "-", v ? v : tg);
			/* the number as written, for a chart (rencana-grafik) */
			nv = v && v->type == PN_STR ? compute_number(v->str) : NULL;
			put_str(cell, "angka", nv != NULL ? v->str : "-", v ? v : tg);
			free(nv);
		}
		put_cell(it, "sumber_teks", pnode_str(it, "sumber"), it);
		put_cell(it, "penanggung_jawab_teks", pnode_str(it,
		    "penanggung_jawab"), it);
		put_cell(it, "frekuensi_teks", schema_word(
		    "monitoring.indikator.frekuensi", pnode_str(it, "frekuensi"),
		    c->lang), it);
		put_cell(it, "tujuan_teks", pnode_str(it, "tujuan"), it);
		/* `arah` defaults to naik (docs/format.md) */
		put_cell(it, "arah_teks", schema_word("monitoring.indikator.arah",
		    pnode_str(it, "arah") ? pnode_str(it, "arah") : "naik", c->lang), it);
	}
	put_flag(mo, "ada_indikator", l != NULL && l->type == PN_SEQ &&
	    l->nchild > 0, l ? l : mo);
	put_count(mo, l);
}

static void
do_keterlibatan(struct cctx *c, struct pnode *root)
{
	struct pnode *km = pnode_get(root, "keterlibatan_masyarakat");
	struct pnode *f = pnode_get(km, "forum"), *it;

	if (km != NULL && km->type == PN_MAP)
		put_flag(km, "ada_forum", f != NULL && f->type == PN_SEQ &&
		    f->nchild > 0, f ? f : km);
	if (f == NULL || f->type != PN_SEQ || f->nchild == 0)
		return;
	put_rows(f);
	for (it = f->first; it != NULL; it = it->next) {
		if (it->type != PN_MAP)
			continue;
		put_cell(it, "nama_teks", pnode_str(it, "nama"), it);
		put_cell(it, "frekuensi_teks", schema_word(
		    "monitoring.indikator.frekuensi", pnode_str(it, "frekuensi"),
		    c->lang), it);
		put_own(it, "uraian_sel", pnode_str(it, "uraian") ?
		    cell_markdown(pnode_str(it, "uraian")) : NULL, "-", it);
	}
}

static void
do_contoh_sukses(struct cctx *c, struct pnode *root)
{
	put_rows(pnode_get(root, "contoh_sukses"));
}

static void
do_nothing(struct cctx *c, struct pnode *root)
{
}

/*
 * The chapters a plan can have: where a plan gives a chapter's own title,
 * and the function computing its values.  Not an order: the template
 * prints the chapters in its own order (docs/templates.md, "Structure and
 * numbering").
 */
static const struct chapter {
	const char	*key;
	const char	*title_map;	/* map holding `title_key` */
	const char	*title_key;
	void		(*fill)(struct cctx *, struct pnode *);
} chapters[] = {
	{ "pendahuluan", "judul_bab", "pendahuluan", do_pendahuluan },
	{ "kondisi", "kondisi", "judul", do_kondisi },
	{ "tujuan", "tujuan", "judul", do_tujuan },
	{ "strategi", "strategi", "judul", do_strategi },
	{ "implementasi", "implementasi", "judul", do_implementasi },
	{ "tantangan", "tantangan", "judul", do_tantangan },
	{ "monitoring", "monitoring", "judul", do_monitoring },
	{ "keterlibatan_masyarakat", "keterlibatan_masyarakat", "judul", do_keterlibatan },
	{ "contoh_sukses", "judul_bab", "contoh_sukses", do_contoh_sukses },
	{ "kesimpulan", "judul_bab", "kesimpulan", do_nothing },
};

/*
 * The extra chapters (`bab_tambahan`) grouped by the chapter they follow:
 * `tambahan_setelah.<setelah>`, a list of {judul, isi} in the plan's order.
 * Where they are printed is the template's (each chapter's partial ends
 * with those that follow it).
 */
static void
do_extra_chapters(struct pnode *root)
{
	struct pnode *l = pnode_get(root, "bab_tambahan"), *it, *by = NULL;

	for (it = l ? l->first : NULL; it != NULL; it = it->next) {
		const char *s = pnode_str(it, "setelah");
		struct pnode *list, *item;

		if (it->type != PN_MAP || s == NULL)
			continue;
		if (by == NULL)
			by = put_node(root, "tambahan_setelah", PN_MAP, l);
		if ((list = pnode_get(by, s)) == NULL)
			list = put_node(by, s, PN_SEQ, pnode_get(it, "setelah"));
		item = put_node(list, NULL, PN_MAP, it);
		if (pnode_str(it, "judul") != NULL)
			put_str(item, "judul", pnode_str(it, "judul"),
			    pnode_get(it, "judul"));
		if (pnode_str(it, "isi") != NULL)
			put_str(item, "isi", pnode_str(it, "isi"),
			    pnode_get(it, "isi"));
	}
	for (it = by ? by->first : NULL; it != NULL; it = it->next)
		put_rows(it);
}

/* `bab.<key>` for each chapter the plan has, with the plan's own title
 * (`judul`) when it gives one; compute_add_words adds the default. */
static void
do_chapters(struct cctx *c, struct pnode *root)
{
	struct pnode *bab = put_node(root, "bab", PN_MAP, root);
	size_t i;

	for (i = 0; i < NELEM(chapters); i++) {
		const struct chapter *ch = &chapters[i];
		struct pnode *src = pnode_get(root, ch->key), *item;
		struct pnode *tm = pnode_get(root, ch->title_map);
		const char *t = pnode_str(tm, ch->title_key);

		if (src == NULL || (src->type == PN_SEQ && src->nchild == 0))
			continue;
		item = put_node(bab, ch->key, PN_MAP, src);
		if (t != NULL)
			put_str(item, "judul", t, pnode_get(tm, ch->title_key));
		ch->fill(c, root);
	}
	do_extra_chapters(root);
}

/* ---- front matter, cover, signature ------------------------------------- */

static void
do_region(struct cctx *c, struct pnode *root)
{
	struct pnode *w = pnode_get(root, "wilayah");
	const char *tingkat = pnode_str(w, "tingkat"), *nama = pnode_str(w, "nama");
	char *full;

	if (w == NULL || w->type != PN_MAP)
		return;
	full = compute_region(tingkat, nama);
	if (full == NULL && nama != NULL)
		full = xstrdup(nama);
	if (full != NULL) {
		const char *induk = pnode_str(w, "induk");

		put_str(w, "nama_lengkap", full, pnode_get(w, "nama"));
		/* A kecamatan or kelurahan has no government of its own: it
		 * is a unit of its kota or kabupaten, whose government the
		 * cover names ("Pemerintah Kota Kupang", not "Pemerintah
		 * Kecamatan Alak").  A desa has one (Pemerintah Desa). */
		if (pnode_get(w, "pemerintah") == NULL && induk != NULL &&
		    tingkat != NULL && (strcmp(tingkat, "kecamatan") == 0 ||
		    strcmp(tingkat, "kelurahan") == 0) &&
		    (strncasecmp(induk, "Kota ", 5) == 0 ||
		    strncasecmp(induk, "Kabupaten ", 10) == 0))
			put_own(w, "pemerintah", xasprintf("Pemerintah %s", induk),
			    NULL, pnode_get(w, "induk"));
		else if (pnode_get(w, "pemerintah") == NULL)
			put_own(w, "pemerintah", xasprintf("Pemerintah %s", full),
			    NULL, pnode_get(w, "tingkat"));
	}
	free(full);
	/* Whose civil servants the plan is for: a region with its own
	 * government (provinsi, kabupaten, kota) names that government; a
	 * kecamatan, kelurahan or desa is a unit under its kota or kabupaten
	 * and names itself ("ASN di lingkungan Kecamatan Alak"). */
	if (tingkat != NULL && (strcmp(tingkat, "kecamatan") == 0 ||
	    strcmp(tingkat, "kelurahan") == 0 || strcmp(tingkat, "desa") == 0)) {
		if (pnode_str(w, "nama_lengkap") != NULL)
			put_str(w, "lingkungan", pnode_str(w, "nama_lengkap"),
			    pnode_get(w, "nama"));
	} else if (pnode_str(w, "pemerintah") != NULL)
		put_str(w, "lingkungan", pnode_str(w, "pemerintah"),
		    pnode_get(w, "pemerintah"));
	if (pnode_str(w, "provinsi") != NULL)
		put_own(w, "provinsi_lengkap", compute_region("provinsi",
		    pnode_str(w, "provinsi")), NULL, pnode_get(w, "provinsi"));
	if (pnode_str(w, "pemerintah") != NULL)
		put_own(w, "pemerintah_kapital", compute_upper(pnode_str(w,
		    "pemerintah")), NULL, pnode_get(w, "pemerintah"));
	if (pnode_str(w, "instansi") != NULL)
		put_own(w, "instansi_kapital", compute_upper(pnode_str(w,
		    "instansi")), NULL, pnode_get(w, "instansi"));
}

static void
do_period(struct cctx *c, struct pnode *root)
{
	struct pnode *p = pnode_get(root, "periode"), *years;
	long long y0, y1, y;

	if (p == NULL || p->type != PN_MAP || !get_ll(p, "mulai", &y0) ||
	    !get_ll(p, "selesai", &y1))
		return;
	if (y1 - y0 > 50)
		y1 = y0 + 50;
	put_own(p, "teks", y0 == y1 ? xasprintf("%lld", y0) :
	    xasprintf("%lld\u2013%lld", y0, y1), NULL, p);
	put_long(p, "banyak_tahun", y1 >= y0 ? y1 - y0 + 1 : 0, p);
	years = put_node(p, "tahun", PN_SEQ, p);
	for (y = y0; y <= y1; y++) {
		struct pnode *it = put_node(years, NULL, PN_MAP, p);

		put_long(it, "tahun", y, p);
	}
	put_rows(years);
}

/* The word a signer's role puts before the position (tnd.c, Pj. Pjs. Plt.
 * Plh.), with its space; NULL for none. */
static const char *
role_prefix(const struct pnode *pt)
{
	const char *p = tnd_role_prefix(pnode_str(pt, "peran"));

	if (p == NULL)
		return NULL;
	return strcmp(p, "Pj.") == 0 ? "Pj. " : strcmp(p, "Pjs.") == 0 ? "Pjs. " :
	    strcmp(p, "Plt.") == 0 ? "Plt. " : "Plh. ";
}

/* The forms the signature block prints (Permendagri 1/2023 Pasal 44, tnd.c):
 * by penandatangan.peran, without titles in the appendix of a penetapan. */
static unsigned
signer_form(const struct pnode *root, const struct pnode *pt)
{
	return tnd_form(pnode_str(pt, "peran"),
	    pnode_get(pnode_get(root, "dokumen"), "penetapan") != NULL, NULL);
}

/* The signer's name as printed: one line, without titles when the form
 * has none (an empty result keeps the name as written). */
static char *
signer_name(const struct pnode *pt, unsigned form)
{
	char *n = one_line(pnode_str(pt, "nama")), *bare;

	if (form & TND_TITLES)
		return n;
	bare = tnd_strip_titles(n);
	if (*bare == '\0') {
		free(bare);
		return n;
	}
	free(n);
	return bare;
}

/* The jabatan lines of the signature block: capitals, each ending with a
 * comma; delegation forms per status_jabatan
 * (docs/official-documents-notes.md 1.8). */
static void
put_jabatan(struct pnode *list, const struct pnode *pt)
{
	const char *st = pnode_str(pt, "status_jabatan");
	const char *jab = pnode_str(pt, "jabatan"), *an = pnode_str(pt, "atas_nama");
	const char *prefix = NULL;
	char *up, *line;
	struct pnode *it;

	if (jab == NULL)
		return;
	if (st != NULL && (strcmp(st, "an") == 0 || strcmp(st, "ub") == 0) &&
	    an != NULL) {
		char *a = one_line(an), *au = compute_upper(a);
		size_t n = strlen(au);

		line = xasprintf("%s %s%s", strcmp(st, "an") == 0 ? "a.n." : "u.b.",
		    au, n > 0 && au[n - 1] == ',' ? "" : ",");
		it = put_node(list, NULL, PN_MAP, pnode_get(pt, "atas_nama"));
		put_str(it, "baris", line, pnode_get(pt, "atas_nama"));
		free(line);
		free(a);
		free(au);
	} else if (st != NULL && strcmp(st, "plt") == 0)
		prefix = "Plt. ";
	else if (st != NULL && strcmp(st, "plh") == 0)
		prefix = "Plh. ";
	else if (st != NULL && strcmp(st, "pj") == 0)
		prefix = "Pj. ";
	else if (st == NULL || strcmp(st, "definitif") == 0)
		prefix = role_prefix(pt);
	{
		char *j = one_line(jab);
		size_t n;

		up = compute_upper(j);
		free(j);
		n = strlen(up);
		line = xasprintf("%s%s%s", prefix ? prefix : "", up,
		    n > 0 && up[n - 1] == ',' ? "" : ",");
		it = put_node(list, NULL, PN_MAP, pnode_get(pt, "jabatan"));
		put_str(it, "baris", line, pnode_get(pt, "jabatan"));
		free(line);
		free(up);
	}
	put_rows(list);
}

/*
 * The paraf koordinasi of a draft (issue 16): tanda_tangan.paraf_konsep,
 * items {no, jabatan, nama} ("" when the plan gives no name, so that a
 * template never reaches the signer's `nama`); an empty list, which reads
 * as false, on a final document, which never shows them.
 */
static void
put_paraf(struct pnode *tt, const struct pnode *root, int konsep)
{
	const struct pnode *pf = pnode_get(root, "paraf"), *it;
	struct pnode *list = put_node(tt, "paraf_konsep", PN_SEQ, pf);
	size_t n = 0;

	if (!konsep || pf == NULL || pf->type != PN_SEQ)
		return;
	for (it = pf->first; it != NULL && n < 3; it = it->next, n++) {
		struct pnode *m = put_node(list, NULL, PN_MAP, it);
		const char *j = pnode_str(it, "jabatan"), *nm = pnode_str(it, "nama");

		put_own(m, "jabatan", j ? one_line(j) : NULL, "", pnode_get(it, "jabatan"));
		put_own(m, "nama", nm ? one_line(nm) : NULL, "", pnode_get(it, "nama"));
	}
	put_rows(list);
}

/*
 * A draft's number and date (issue 16, docs/tata-naskah.md): those the plan
 * gives, else dots to fill in by hand: sampul.konsep_nomor and
 * sampul.konsep_tanggal, which the cover prints as "Nomor : ...".
 */
#define DRAFT_BLANK	"...................................."
static void
put_draft_number(struct cctx *c, struct pnode *sampul, const struct pnode *d)
{
	const char *no = pnode_str(d, "nomor"), *tgl = pnode_str(d, "tanggal");

	put_own(sampul, "konsep_nomor", no ? one_line(no) : NULL, DRAFT_BLANK,
	    pnode_get(d, "nomor"));
	put_own(sampul, "konsep_tanggal", tgl ? compute_date_long(tgl, c->lang) :
	    NULL, DRAFT_BLANK, pnode_get(d, "tanggal"));
}

static void	put_line(struct pnode *, const char *, const char *,
		    const struct pnode *);

static void
do_signature(struct cctx *c, struct pnode *root)
{
	struct pnode *pt = pnode_get(root, "penandatangan"), *tt;
	const char *tempat = pnode_str(pt, "tempat");
	const char *pangkat = pnode_str(pt, "pangkat"), *gol = pnode_str(pt, "golongan");
	char *date;
	unsigned form;

	if (pt == NULL || pt->type != PN_MAP)
		return;
	form = signer_form(root, pt);
	tt = put_node(root, "tanda_tangan", PN_MAP, pt);
	date = compute_date_long(pnode_str(pt, "tanggal"), c->lang);
	if (date != NULL)
		put_own(pt, "tanggal_teks", xstrdup(date), NULL, pnode_get(pt, "tanggal"));
	if (tempat != NULL || date != NULL) {
		char *t = tempat ? one_line(tempat) : NULL;

		put_own(tt, "tempat_tanggal", xasprintf("%s%s%s", t ? t : "",
		    t && date ? ", " : "", date ? date : ""), NULL,
		    pnode_get(pt, "tempat"));
		free(t);
	}
	free(date);
	put_jabatan(put_node(tt, "jabatan", PN_SEQ, pnode_get(pt, "jabatan")), pt);
	if (pnode_str(pt, "nama") != NULL)
		put_own(tt, "nama", signer_name(pt, form), NULL,
		    pnode_get(pt, "nama"));
	if ((form & TND_PANGKAT) && (pangkat != NULL || gol != NULL)) {
		char *p = pangkat ? one_line(pangkat) : NULL;

		put_own(tt, "pangkat", p && gol ? xasprintf("%s (%s)", p, gol) :
		    xstrdup(p ? p : gol), NULL, pnode_get(pt, pangkat ? "pangkat" :
		    "golongan"));
		free(p);
	}
	if (pnode_str(pt, "nip") != NULL) {
		char *nip = compute_nip(pnode_str(pt, "nip"));

		if (nip != NULL)
			put_own(pt, "nip_teks", xstrdup(nip), NULL, pnode_get(pt, "nip"));
		if (form & TND_NIP)
			put_own(tt, "nip", nip ? nip : one_line(pnode_str(pt, "nip")),
			    NULL, pnode_get(pt, "nip"));
		else
			free(nip);
	}
	put_paraf(tt, root, pnode_get(root, "final") == NULL ||
	    pnode_get(root, "final")->type != PN_STR);
	if (pnode_get(root, "tte") != NULL && pnode_get(root, "tte")->type == PN_STR)
		put_line(tt, "verifikasi", pnode_str(pnode_get(root, "dokumen"),
		    "tte_verifikasi"), pnode_get(pnode_get(root, "dokumen"),
		    "tte_verifikasi"));
}

/* Directive values: one line each (a newline would end the key). */
static void
put_line(struct pnode *map, const char *key, const char *v,
    const struct pnode *from)
{
	if (v != NULL)
		put_own(map, key, one_line(v), NULL, from);
}

/* Does s hold the number y as a word of its own ("Tahun 2026-2030")? */
static int
has_year(const char *s, long long y)
{
	char d[24];
	size_t n;
	const char *p;

	n = (size_t)snprintf(d, sizeof(d), "%lld", y);
	for (p = s; s != NULL && (p = strstr(p, d)) != NULL; p++)
		if ((p == s || !isdigit((unsigned char)p[-1])) &&
		    !isdigit((unsigned char)p[n]))
			return 1;
	return 0;
}

/* Does the cover's title or subtitle already name the period (both its
 * years)?  Then the cover does not print it again on a line of its own. */
static int
names_period(const struct pnode *d, const struct pnode *p)
{
	long long y0, y1;
	const char *t[2];
	int i;

	if (!get_ll(p, "mulai", &y0) || !get_ll(p, "selesai", &y1))
		return 0;
	t[0] = pnode_str(d, "judul");
	t[1] = pnode_str(d, "subjudul");
	for (i = 0; i < 2; i++)
		if (t[i] != NULL && has_year(t[i], y0) && has_year(t[i], y1))
			return 1;
	return 0;
}

static void
do_front(struct cctx *c, struct pnode *root)
{
	struct pnode *d = pnode_get(root, "dokumen"), *w = pnode_get(root, "wilayah");
	struct pnode *p = pnode_get(root, "periode");
	struct pnode *sampul, *meta, *jb = pnode_get(root, "judul_bab");
	const char *status = pnode_str(d, "status"), *tgl = pnode_str(d, "tanggal");
	const char *jenis = pnode_str(d, "jenis");
	int konsep = status == NULL || strcmp(status, "final") != 0;

	put_str(root, "bahasa", c->lang, pnode_get(d, "bahasa"));
	put_flag(root, "konsep", konsep, pnode_get(d, "status"));
	put_flag(root, "final", !konsep, pnode_get(d, "status"));
	{
		/* The electronic signature: a final document with tte: ya
		 * (docs/tata-naskah.md); a draft is never signed. */
		const char *tte = pnode_str(d, "tte");

		put_flag(root, "tte", !konsep && tte != NULL &&
		    (strcmp(tte, "ya") == 0 || strcmp(tte, "true") == 0),
		    pnode_get(d, "tte"));
	}
	if (d != NULL && d->type == PN_MAP) {
		if (tgl != NULL)
			put_own(d, "tanggal_teks", compute_date_long(tgl, c->lang),
			    NULL, pnode_get(d, "tanggal"));
		if (pnode_str(d, "judul") != NULL)
			put_own(d, "judul_kapital", compute_upper(pnode_str(d,
			    "judul")), NULL, pnode_get(d, "judul"));
		if (jenis != NULL) {
			struct pnode *jm = put_node(d, "jenis_adalah", PN_MAP,
			    pnode_get(d, "jenis"));
			char *k = xstrdup(jenis), *q;

			for (q = k; *q != '\0'; q++)
				if (*q == '-')
					*q = '_';
			put_str(jm, k, "true", pnode_get(d, "jenis"));
			free(k);
		}
	}
	if (pnode_str(jb, "kata_pengantar") != NULL)
		put_str(root, "judul_kata_pengantar", pnode_str(jb, "kata_pengantar"),
		    pnode_get(jb, "kata_pengantar"));

	sampul = put_node(root, "sampul", PN_MAP, d);
	put_line(sampul, "logo", pnode_str(w, "logo"), pnode_get(w, "logo"));
	if (pnode_str(d, "judul") != NULL)
		put_own(sampul, "judul", compute_upper(pnode_str(d, "judul")), NULL,
		    pnode_get(d, "judul"));
	put_line(sampul, "subjudul", pnode_str(d, "subjudul"), pnode_get(d, "subjudul"));
	if (pnode_str(w, "pemerintah") != NULL)
		put_own(sampul, "pemerintah", compute_upper(pnode_str(w,
		    "pemerintah")), NULL, pnode_get(w, "pemerintah"));
	if (!names_period(d, p))
		put_line(sampul, "periode", pnode_str(p, "teks"), p);
	if (pnode_str(w, "instansi") != NULL)
		put_own(sampul, "instansi", compute_upper(pnode_str(w, "instansi")),
		    NULL, pnode_get(w, "instansi"));
	if (tgl != NULL && strlen(tgl) >= 4)
		put_own(sampul, "tahun", xstrndup(tgl, 4), NULL, pnode_get(d, "tanggal"));
	else if (pnode_str(p, "mulai") != NULL)
		put_line(sampul, "tahun", pnode_str(p, "mulai"), pnode_get(p, "mulai"));
	/* A draft has no number yet (docs/official-documents-notes.md 1.10); a final
	 * document shows its number on the cover, as it is cited by it. */
	if (konsep) {
		put_line(sampul, "versi", pnode_str(d, "versi"), pnode_get(d, "versi"));
		put_draft_number(c, sampul, d);
	}
	else
		put_line(sampul, "nomor", pnode_str(d, "nomor"), pnode_get(d, "nomor"));

	meta = put_node(root, "meta", PN_MAP, d);
	put_line(meta, "judul", pnode_str(d, "judul"), pnode_get(d, "judul"));
	put_line(meta, "penulis", pnode_str(w, "instansi"), pnode_get(w, "instansi"));
	put_line(meta, "subjek", pnode_str(d, "subjudul"), pnode_get(d, "subjudul"));
	put_line(meta, "tanggal", tgl, pnode_get(d, "tanggal"));

	{
		struct pnode *dh = pnode_get(root, "dasar_hukum"), *it, *l;

		if (dh != NULL && dh->type == PN_SEQ && dh->nchild > 0) {
			l = put_node(root, "dasar_hukum_butir", PN_SEQ, dh);
			for (it = dh->first; it != NULL; it = it->next) {
				struct pnode *b;

				if (it->type != PN_STR)
					continue;
				b = put_node(l, NULL, PN_MAP, it);
				put_str(b, "teks", it->str, it);
			}
			put_rows(l);
		}
	}
}

/* What an unknown number or year of a draft's penetapan prints. */
#define BLANK_TEXT	"...."

/*
 * The appendices: `ada_lampiran`, row numbers on `lampiran`, and the words
 * of the head of each appendix of a penetapan (dokumen.penetapan):
 * `jenis_kapital` ("PERATURAN WALI KOTA MATARAM"), `nomor_teks` ("12"),
 * `tahun_teks` (the year of its tanggal) and `tanggal_kapital` ("15
 * JANUARI 2027"); a draft's unknown number or date prints "....".
 */
static void
do_appendix(struct cctx *c, struct pnode *root)
{
	struct pnode *lam = pnode_get(root, "lampiran");
	struct pnode *pen = pnode_get(pnode_get(root, "dokumen"), "penetapan");
	const char *tgl = pnode_str(pen, "tanggal"), *no = pnode_str(pen, "nomor");
	char *t;

	put_flag(root, "ada_lampiran", lam != NULL && lam->type == PN_SEQ &&
	    lam->first != NULL, lam);
	put_rows(lam);
	if (pen == NULL || pen->type != PN_MAP)
		return;
	if (pnode_str(pen, "jenis") != NULL)
		put_own(pen, "jenis_kapital", compute_upper(pnode_str(pen,
		    "jenis")), NULL, pnode_get(pen, "jenis"));
	put_str(pen, "nomor_teks", no != NULL ? no : BLANK_TEXT,
	    pnode_get(pen, "nomor"));
	t = compute_date_long(tgl, c->lang);
	put_own(pen, "tanggal_kapital", t != NULL ? compute_upper(t) : NULL,
	    BLANK_TEXT, pnode_get(pen, "tanggal"));
	put_own(pen, "tahun_teks", t != NULL ? xstrndup(tgl, 4) : NULL,
	    BLANK_TEXT, pnode_get(pen, "tanggal"));
	free(t);
}

struct pnode *
compute_context(const struct plan *pl, const struct style *st,
    const char *lang, struct diag_list *dl)
{
	struct cctx c;
	struct pnode *root;

	if (pl == NULL || pl->root == NULL || pl->root->type != PN_MAP)
		return NULL;
	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.st = st;
	c.lang = lang != NULL && strcmp(lang, "en") == 0 ? "en" : "id";
	root = copy_tree(pl->root, 1, schema_root());
	do_region(&c, root);
	do_period(&c, root);
	do_front(&c, root);
	do_signature(&c, root);
	do_chapters(&c, root);
	do_appendix(&c, root);
	return root;
}

/*
 * `title` as it follows `lead` in a caption: the words at its start that
 * repeat the end of `lead` dropped, compared without case, so that
 * "Komposisi ASN menurut" + "Menurut golongan" reads "Komposisi ASN
 * menurut golongan", not "... menurut Menurut golongan".  A title that
 * would be left empty is kept whole.  Returns a pointer into title.
 */
static const char *
after_lead(const char *lead, const char *title)
{
	size_t ll = strlen(lead), k;

	while (ll > 0 && lead[ll - 1] == ' ')
		ll--;
	/* each start of a word of lead, tried from the longest overlap */
	for (k = 0; k < ll; k++) {
		size_t n = ll - k;

		if (k > 0 && lead[k - 1] != ' ')
			continue;
		if (lead[k] == ' ' || strlen(title) < n ||
		    strncasecmp(lead + k, title, n) != 0)
			continue;
		if (title[n] != ' ')
			continue;
		title += n;
		while (*title == ' ')
			title++;
		return *title != '\0' ? title : title - n;
	}
	return title;
}

void
compute_add_words(struct pnode *ctx, const struct pnode *kata)
{
	struct pnode *bab = pnode_get(ctx, "bab"), *it;
	struct pnode *rin = pnode_get(pnode_get(pnode_get(ctx, "kondisi"),
	    "pegawai"), "rincian");
	const char *lead = pnode_str(kata, "pegawai_menurut");

	if (kata != NULL && kata->type == PN_MAP) {
		struct pnode *k = copy_tree(kata, 0, NULL);

		pnode_append(ctx, "kata", k);
	}
	if (pnode_get(ctx, "judul_kata_pengantar") == NULL &&
	    pnode_str(kata, "kata_pengantar") != NULL)
		put_str(ctx, "judul_kata_pengantar", pnode_str(kata, "kata_pengantar"),
		    pnode_get(kata, "kata_pengantar"));
	if (pnode_str(ctx, "judul_kata_pengantar") != NULL)
		put_own(ctx, "judul_kata_pengantar_kapital", compute_upper(pnode_str(ctx,
		    "judul_kata_pengantar")), NULL, pnode_get(ctx, "judul_kata_pengantar"));
	for (it = bab ? bab->first : NULL; it != NULL; it = it->next) {
		const char *t = pnode_str(it, "judul");

		if (t == NULL) {
			char *key = xasprintf("bab_%s", it->key);

			t = pnode_str(kata, key);
			put_str(it, "judul", t ? t : it->key, it);
			free(key);
			t = pnode_str(it, "judul");
		}
		put_own(it, "judul_kapital", compute_upper(t), NULL, it);
	}
	/* the breakdown tables' captions: `pegawai_menurut` + judul_tabel */
	for (it = rin != NULL && rin->type == PN_SEQ ? rin->first : NULL;
	    it != NULL; it = it->next) {
		const char *t = pnode_str(it, "judul");

		if (it->type == PN_MAP && t != NULL)
			put_str(it, "judul_tabel", lead != NULL ?
			    after_lead(lead, t) : t, pnode_get(it, "judul"));
	}
}

void
compute_names(const struct pnode *ctx, char ***v, size_t *n)
{
	static const char *const wkeys[] = { "nama_lengkap", "induk",
	    "provinsi", "provinsi_lengkap", "pemerintah", "instansi" };
	const struct pnode *w = pnode_get(ctx, "wilayah");
	const char *s[NELEM(wkeys) + 1];
	size_t i, j, k = 0;

	for (i = 0; i < NELEM(wkeys); i++)
		s[k++] = pnode_str(w, wkeys[i]);
	s[k++] = pnode_str(pnode_get(ctx, "penandatangan"), "nama");
	*v = xcalloc(k + 1, sizeof(**v));
	*n = 0;
	for (i = 0; i < k; i++) {
		if (s[i] == NULL || *s[i] == '\0')
			continue;
		for (j = 0; j < *n && strcmp((*v)[j], s[i]) != 0; j++)
			;
		if (j == *n)
			(*v)[(*n)++] = xstrdup(s[i]);
	}
}

/* ---- names for strict templates ----------------------------------------- */

/* Every computed name, by the context path (list indices dropped) of the
 * map that holds it. */
static const struct {
	const char *path;
	const char *names;	/* space-separated */
} known[] = {
	{ "", "bahasa konsep final judul_kata_pengantar judul_kata_pengantar_kapital "
	      "sampul meta bab tambahan_setelah tanda_tangan dasar_hukum_butir "
	      "ada_dasar_hukum kata ada_lampiran tte" },
	{ "dokumen", "tanggal_teks judul_kapital jenis_adalah" },
	{ "dokumen.penetapan", "jenis_kapital nomor_teks tahun_teks tanggal_kapital" },
	{ "lampiran", "no pertama terakhir" },
	{ "dokumen.jenis_adalah", "rencana_pengembangan sistem_pembinaan strategi_kompetensi" },
	{ "wilayah", "nama_lengkap pemerintah pemerintah_kapital instansi_kapital provinsi_lengkap "
	      "lingkungan" },
	{ "periode", "teks banyak_tahun tahun" },
	{ "periode.tahun", "tahun no pertama terakhir" },
	{ "sampul", "logo judul subjudul nomor pemerintah periode instansi tahun versi "
	      "konsep_nomor konsep_tanggal" },
	{ "meta", "judul penulis subjek tanggal" },
	{ "dasar_hukum_butir", "teks no pertama terakhir" },
	{ "tanda_tangan", "tempat_tanggal jabatan nama pangkat nip paraf_konsep verifikasi" },
	{ "tanda_tangan.paraf_konsep", "jabatan nama no pertama terakhir" },
	{ "tanda_tangan.jabatan", "baris no pertama terakhir" },
	{ "penandatangan", "tanggal_teks nip_teks" },
	{ "bab", "pendahuluan kondisi tujuan strategi implementasi tantangan "
	      "monitoring keterlibatan_masyarakat contoh_sukses kesimpulan" },
	{ "bab.pendahuluan", "judul judul_kapital" },
	{ "bab.kondisi", "judul judul_kapital" },
	{ "bab.tujuan", "judul judul_kapital" },
	{ "bab.strategi", "judul judul_kapital" },
	{ "bab.implementasi", "judul judul_kapital" },
	{ "bab.tantangan", "judul judul_kapital" },
	{ "bab.monitoring", "judul judul_kapital" },
	{ "bab.keterlibatan_masyarakat", "judul judul_kapital" },
	{ "bab.contoh_sukses", "judul judul_kapital" },
	{ "bab.kesimpulan", "judul judul_kapital" },
	{ "tambahan_setelah", "kata_pengantar pendahuluan kondisi tujuan strategi "
	      "implementasi tantangan monitoring keterlibatan_masyarakat "
	      "contoh_sukses kesimpulan" },
	{ "tambahan_setelah.kata_pengantar", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.pendahuluan", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.kondisi", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.tujuan", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.strategi", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.implementasi", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.tantangan", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.monitoring", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.keterlibatan_masyarakat", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.contoh_sukses", "judul isi no pertama terakhir" },
	{ "tambahan_setelah.kesimpulan", "judul isi no pertama terakhir" },
	{ "kondisi", "ada_kompetensi" },
	{ "kondisi.pegawai", "jumlah_teks per_tanggal_teks tunggal" },
	{ "kondisi.pegawai.rincian", "no pertama terakhir jumlah_teks persen judul_tabel" },
	{ "kondisi.pegawai.rincian.daftar", "no pertama terakhir label_teks jumlah_teks persen" },
	{ "kondisi.kompetensi", "no pertama terakhir bidang_teks saat_ini_teks "
	      "dibutuhkan_teks kesenjangan_teks satuan_teks" },
	{ "tujuan", "banyak tunggal" },
	{ "tujuan.daftar", "no pertama terakhir" },
	{ "strategi", "banyak tunggal ada_kegiatan banyak_kegiatan jumlah_jp_teks "
	      "jumlah_peserta_teks jumlah_anggaran_rp anggaran_tahun" },
	{ "strategi.anggaran_tahun", "tahun jumlah" },
	{ "strategi.daftar", "no pertama terakhir tujuan_teks ada_kegiatan "
	      "banyak_kegiatan jumlah_jp_teks jumlah_peserta_teks jumlah_anggaran_rp "
	      "anggaran_tahun anggaran_angka" },
	{ "strategi.daftar.anggaran_tahun", "tahun jumlah" },
	{ "strategi.daftar.kegiatan", "no pertama terakhir nama_teks bentuk_teks jp_teks "
	      "peserta_teks anggaran_rp jadwal_teks" },
	{ "implementasi", "ada_mitra ada_kontak" },
	{ "implementasi.mitra", "no pertama terakhir nama_teks jenis_teks peran_teks strategi_teks "
	      "kontak_teks" },
	{ "tantangan", "banyak tunggal ada_daftar" },
	{ "tantangan.daftar", "no pertama terakhir judul_teks tingkat_teks mitigasi_sel" },
	{ "monitoring", "banyak tunggal ada_indikator" },
	{ "monitoring.indikator", "no pertama terakhir nama_teks satuan_teks baseline_teks "
	      "target_tahun sumber_teks penanggung_jawab_teks frekuensi_teks tujuan_teks "
	      "arah_teks" },
	{ "monitoring.indikator.target_tahun", "tahun nilai angka" },
	{ "keterlibatan_masyarakat", "ada_forum" },
	{ "keterlibatan_masyarakat.forum", "no pertama terakhir nama_teks frekuensi_teks uraian_sel" },
	{ "contoh_sukses", "no pertama terakhir" },
};

int
compute_name_known(const char *path, const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < NELEM(known); i++) {
		const char *p = known[i].names;

		if (strcmp(known[i].path, path) != 0)
			continue;
		while (*p != '\0') {
			size_t w = strcspn(p, " ");

			if (w == n && strncmp(p, name, n) == 0)
				return 1;
			p += w;
			while (*p == ' ')
				p++;
		}
	}
	return 0;
}
