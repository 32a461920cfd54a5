/*
 * rencana: line breaking of one paragraph.
 *
 * The paragraph becomes Knuth-Plass items: a box per piece of a word (words
 * are cut where the font changes and where they may break), a glue per
 * space (stretch 1/2, shrink 1/3 of the space), flagged penalties with the
 * hyphen's width at hyphenation points, a free break after a written
 * hyphen, a forced break (after fill glue) at hard breaks and at the end.
 * A word wider than the line gets emergency breaks between all its
 * letters, so no line need be overfull.
 *
 * layout_line_breaks is the total-fit algorithm (Knuth & Plass 1981): every
 * break point is tried against the active nodes (earlier breaks a line
 * could start from), keeping the cheapest predecessor per fitness class.
 * It stays linear: nodes leave the list once a line from them is overfull,
 * and the list is capped at LB_MAX_ACTIVE (the dearest node goes).  When no
 * node remains (a line is overfull whatever we do) the last node is kept
 * and a break forced at the previous break point, or at this one.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "layout_int.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits.
 * LB_MAX_ACTIVE: active nodes kept at once.  A line of A4 text holds about
 *   15 break points, so 64 never cuts a useful node in prose; the cap makes
 *   the breaker linear even for pathological input (emergency breaks).
 * LB_TOLERANCE: the loosest adjustment ratio accepted before rescue.
 */
#define LB_MAX_ACTIVE	64
#define LB_TOL_FIRST	1.0	/* pass 1: spaces at most 1.5 times natural */
#define LB_TOL_SECOND	2.0	/* passes 2 and 3: at most 2 times; past it
				 * (pass 3) the line is set ragged */
#define LB_HYRUN_CAP	7	/* consecutive hyphens counted up to this */
/* Bytes of a word hyphenated without allocating (HYPH_MAX_WORD is 64). */
#define LB_HYPH_BUF	128

#define LB_HYPHEN_PEN	50	/* cost of a hyphen break */
#define LB_RAGGED_HYPHEN_PEN 200 /* the same in ragged text, where a short
				 * line costs little: hyphens only when needed */
#define LB_EMERG_PEN	2000	/* cost of a break inside an overlong word */
#define LB_FLAG_DEM	3000	/* two hyphenated lines in a row */
#define LB_FINAL_HYPH_DEM 5000	/* a hyphen on the next-to-last line, which
				   leaves a word fragment alone on the last
				   line (TeX's \finalhyphendemerits) */
#define LB_FIT_DEM	100	/* adjacent lines of very different tightness */
#define LB_ONEWORD_DEM	20000	/* one word alone on the last line: about
				 * one line with spaces 1.6 times natural, or
				 * a hyphen on the line before it */
#define LB_RESCUED_DEM	1e8	/* a line forced past the tolerance */
#define LB_TIE_PEN	1000	/* breaking "Tahun 2023" (last pass only) */
#define LB_URL_PEN	100	/* a break inside a URL or e-mail address */
#define LB_SHORT_EDGE_PEN 250	/* added for a hyphen leaving 2 letters on a
				 * side ("sa-/ma"): only to avoid a loose line */
#define LB_SHRINK	5	/* glue shrinks by 1/5 of the space at most:
				 * never below 0.8 times natural */
#define LB_TRACK_ST	0.03	/* em a justified line may add after each
				 * glyph (letter spacing, PDF Tc), with
				 * the spaces' stretch: Typst's
				 * justification-limits tracking example */
#define LB_TRACK_SH	0.015	/* em it may take away, with the spaces'
				 * shrink */
#define LB_SHRINK_LAST	3	/* on the last pass, 1/3 (TeX's): a line
				 * 2/3 natural beats a ragged one */
#define LB_EDGE_FIRST	3	/* letters kept on each side of a hyphen on
				 * pass 1; 2 (the hyphenator's) after */
#define LB_FILL		1e9	/* stretch of the glue ending a paragraph */
#define LB_EPS		1e-3	/* pt: widths summed in another order differ
				 * by ~1e-13; a line this much over is exact */
#define LB_RAGGED_EM	3.0	/* ems of stretch at the end of a ragged line
				 * (TeX's \raggedright uses 2): a short line
				 * costs less than a hyphen */
#define LB_HYPH_MIN	4	/* letters a word needs to be hyphenated */
#define LB_NBSP		"\xc2\xa0"	/* a no-break space (UTF-8): a tie */
#define LB_MAXHY_DEFAULT 2	/* hyphenated lines in a row (gaya.yaml
				 * `pemenggalan_berturut`) */

struct lb_node {
	size_t	 pos;		/* break item; (size_t)-1 for the start */
	size_t	 line;		/* lines up to this break */
	int	 fit;		/* fitness class 0 tight .. 3 very loose */
	int	 hy;		/* hyphenated lines in a row ending here */
	double	 dem;		/* total demerits */
	size_t	 prev;		/* node index, or (size_t)-1 */
	double	 ratio;		/* of the line ending here */
	double	 w, st, sh;	/* sums after the break (leading glue skipped) */
};

static int
is_break(const struct lb_item *it, size_t i)
{
	if (it[i].kind == LB_PENALTY)
		return it[i].pen < LB_INF;
	if (it[i].kind == LB_GLUE)
		return i > 0 && it[i - 1].kind == LB_BOX;
	return 0;
}

/* Sums of the items from a break on, skipping what a break discards. */
static void
after_break(const struct lb_item *it, size_t n, size_t pos, const double *sw,
    const double *sst, const double *ssh, struct lb_node *nd)
{
	size_t i = pos == (size_t)-1 ? 0 : pos;

	if (pos != (size_t)-1)
		while (i < n && it[i].kind != LB_BOX &&
		    !(it[i].kind == LB_PENALTY && it[i].pen <= -LB_INF && i > pos))
			i++;
	nd->w = sw[i];
	nd->st = sst[i];
	nd->sh = ssh[i];
}

static int
fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

/* Items and nodes the breaker keeps in struct kp (on the stack) before it
 * allocates: a table cell's or a short paragraph's. */
#define KP_LOCAL	96
#define KP_LOCAL_NODES	48

/* The state of one run of the breaker. */
struct kp {
	const struct lb_item *it;
	size_t		 n;
	double		 width, line_st, end_st, end_sh;
	double		 tol;			/* the loosest ratio accepted */
	int		 maxhy;			/* hyphenated lines in a row allowed */
	int		 oneword;		/* a one-word last line costs */
	size_t		*nglue;			/* prefix counts of glue */
	double		*sw, *sst, *ssh;	/* prefix sums of width, stretch, shrink */
	struct lb_node	*node;
	size_t		 nnode, nodecap;
	size_t		 active[LB_MAX_ACTIVE + 8], nact;	/* in break order */
	size_t		 last_bp;		/* the previous break point */
	/* the sums and nodes of a short paragraph (a table cell), on the
	 * stack: 6.4 KiB */
	double		 lsum[3 * (KP_LOCAL + 1)];
	size_t		 lglue[KP_LOCAL + 1];
	struct lb_node	 lnode[KP_LOCAL_NODES];
};

/* The candidate lines ending at one break, by fitness class and run of
 * hyphens (so that a path with fewer hyphens in a row survives).  `have`
 * has bit c set when c[c] holds a candidate: only the bits are cleared for
 * each break (the classes are 32: clearing them all cost a tenth of the
 * breaker), and the loops visit the set bits only, in class order. */
#define KP_NCLASS	(4 * (LB_HYRUN_CAP + 1))
struct kp_cand {
	struct lb_node	 c[KP_NCLASS];
	uint32_t	 have;
	size_t		 lastgone;	/* the last node that left the active list */
};
_Static_assert(KP_NCLASS <= 32, "kp_cand.have holds a bit a class");

/* The lowest class in a non-empty set of candidates. */
static int
kp_first(uint32_t have)
{
	return __builtin_ctz(have);
}

/* Prefix sums, and the node before the first line. */
static void
kp_init(struct kp *k, const struct lb_item *it, size_t n,
    const struct lb_params *pa)
{
	size_t i;

	/* not the local arrays: only what they hold is written */
	k->nact = 0;
	k->it = it;
	k->n = n;
	k->width = pa->width;
	k->line_st = pa->line_st;
	k->end_st = pa->end_st;
	k->end_sh = pa->end_sh;
	k->tol = pa->tol;
	k->oneword = pa->oneword;
	k->maxhy = pa->maxhy > 0 ? pa->maxhy : LB_HYRUN_CAP;
	if (k->maxhy > LB_HYRUN_CAP)
		k->maxhy = LB_HYRUN_CAP;
	k->last_bp = (size_t)-1;
	/* one block, all written */
	k->sw = n <= KP_LOCAL ? k->lsum : xmalloc(3 * (n + 1) * sizeof(double));
	k->sst = k->sw + (n + 1);
	k->ssh = k->sst + (n + 1);
	k->nglue = n <= KP_LOCAL ? k->lglue : xmalloc((n + 1) * sizeof(size_t));
	k->sw[0] = k->sst[0] = k->ssh[0] = 0;
	k->nglue[0] = 0;
	for (i = 0; i < n; i++) {
		k->sw[i + 1] = k->sw[i] + (it[i].kind != LB_PENALTY ? it[i].w : 0);
		/* boxes stretch too: letter spacing (LB_TRACK_ST) */
		k->sst[i + 1] = k->sst[i] + (it[i].kind != LB_PENALTY ? it[i].st : 0);
		k->ssh[i + 1] = k->ssh[i] + (it[i].kind != LB_PENALTY ? it[i].sh : 0);
		k->nglue[i + 1] = k->nglue[i] + (it[i].kind == LB_GLUE &&
		    it[i].st < LB_FILL && i > 0 && it[i - 1].kind == LB_BOX);
	}
	k->node = k->lnode;
	k->nodecap = KP_LOCAL_NODES;
	memset(&k->node[0], 0, sizeof(*k->node));
	k->node[0].pos = (size_t)-1;
	k->node[0].prev = (size_t)-1;
	k->node[0].fit = 1;
	after_break(it, n, (size_t)-1, k->sw, k->sst, k->ssh, &k->node[0]);
	k->nnode = 1;
	k->active[k->nact++] = 0;
}

/* Appends node nn and makes it active. */
static void
kp_push(struct kp *k, const struct lb_node *nn)
{
	k->node = xgrow_from(k->node, k->lnode, &k->nodecap, k->nnode,
	    k->nnode + 1, sizeof(*k->node));
	k->node[k->nnode] = *nn;
	k->active[k->nact++] = k->nnode++;
}

/* Demerits of the line from node a to break i with adjustment ratio r. */
static double
kp_demerits(const struct kp *k, const struct lb_node *a, size_t i, double r,
    int forced)
{
	const struct lb_item *it = k->it;
	double ar = fabs(r) > 10 ? 10 : fabs(r), bad, d;

	/* pow(ar, 3) costs a libm call per candidate line */
	bad = 100 * (ar * ar * ar);
	d = (1 + bad) * (1 + bad);
	if (it[i].kind == LB_PENALTY) {
		if (it[i].pen > 0)
			d += (double)it[i].pen * it[i].pen;
		else if (it[i].pen > -LB_INF)
			d -= (double)it[i].pen * it[i].pen;
		if (it[i].flagged && a->pos != (size_t)-1 &&
		    it[a->pos].kind == LB_PENALTY && it[a->pos].flagged)
			d += LB_FLAG_DEM;
	}
	if (forced && i == k->n - 1 && a->pos != (size_t)-1 &&
	    it[a->pos].kind == LB_PENALTY && it[a->pos].flagged)
		d += LB_FINAL_HYPH_DEM;
	/* a last line of one word (no space in it) after other lines */
	if (k->oneword && forced && i == k->n - 1 && a->pos != (size_t)-1 &&
	    k->nglue[i] == k->nglue[a->pos + 1])
		d += LB_ONEWORD_DEM;
	if (abs(fitness(r) - a->fit) > 1)
		d += LB_FIT_DEM;
	return d + a->dem;
}

/*
 * The lines from every active node to break i, best per fitness class in
 * cd.  The active list is in break order, so lines from it get shorter
 * down the list: the overfull ones come first and leave, and after the
 * first line far too loose every later one is looser still (its width and
 * stretch are sums over fewer items), so the scan stops there.  Kept nodes
 * are compacted in place (out), keeping the order.
 */
static void
kp_scan(struct kp *k, size_t i, double pw, struct kp_cand *cd)
{
	const struct lb_item *it = k->it;
	int forced = it[i].kind == LB_PENALTY && it[i].pen <= -LB_INF, f, hy;
	size_t j, out;

	for (j = 0, out = 0; j < k->nact; j++) {
		struct lb_node *a = &k->node[k->active[j]];
		double w = k->sw[i] - a->w + pw, y = k->sst[i] - a->st + k->line_st,
		    z, r, d;
		int hyend = it[i].kind == LB_PENALTY && it[i].flagged && pw > 0;

		if (y > 0 && !hyend)
			y -= k->end_st;

		/*
		 * Most pairs are lines still far too loose (r well over
		 * LB_TOLERANCE): skip them without the division.  The margin
		 * makes this skip only pairs the exact test below would skip,
		 * so the breaks are the same.
		 */
		if (w < k->width - LB_EPS && !forced &&
		    (y <= 0 || k->width - w > k->tol * 1.000001 * y)) {
			if (out != j)
				memmove(&k->active[out], &k->active[j],
				    (k->nact - j) * sizeof(k->active[0]));
			out += k->nact - j;
			break;
		}
		z = k->ssh[i] - a->sh;
		if (z > 0 && !hyend)
			z -= k->end_sh;
		if (w < k->width - LB_EPS)
			r = y > 0 ? (k->width - w) / y : 1e6;
		else if (w > k->width + LB_EPS)
			r = z > 0 ? (k->width - w) / z : -1e6;
		else
			r = 0;
		if (r < -1) {
			/* overfull: the node can start no later line */
			cd->lastgone = k->active[j];
			continue;
		}
		hy = it[i].kind == LB_PENALTY && it[i].flagged ? a->hy + 1 : 0;
		if ((r > k->tol && !forced) || hy > k->maxhy) {
			k->active[out++] = k->active[j];
			continue;
		}
		d = kp_demerits(k, a, i, r, forced);
		f = fitness(r) * (LB_HYRUN_CAP + 1) + hy;
		if (!(cd->have >> f & 1) || d < cd->c[f].dem) {
			cd->have |= (uint32_t)1 << f;
			cd->c[f].dem = d;
			cd->c[f].prev = (size_t)(a - k->node);
			cd->c[f].ratio = r;
			cd->c[f].line = a->line + 1;
			cd->c[f].hy = hy;
		}
		if (forced) {
			cd->lastgone = k->active[j];
			continue;
		}
		k->active[out++] = k->active[j];
	}
	k->nact = out;
}

/* The least demerits among the candidates, or -1 when there are none. */
static double
kp_min(const struct kp_cand *cd)
{
	double mind = -1;
	uint32_t m;
	int c;

	for (m = cd->have; m != 0; m &= m - 1) {
		c = kp_first(m);
		if (mind < 0 || cd->c[c].dem < mind)
			mind = cd->c[c].dem;
	}
	return mind;
}

/*
 * Rescue when every line from the surviving nodes is overfull: break at
 * the previous break point if it lies after the node that left last
 * (returns 1: scan break i again), else accept the overfull line as the
 * only candidate (returns 0).
 */
static int
kp_rescue(struct kp *k, struct kp_cand *cd, int retried)
{
	const struct lb_node *g = &k->node[cd->lastgone];
	struct lb_node nn;

	if (!retried && k->last_bp != (size_t)-1 &&
	    (g->pos == (size_t)-1 || k->last_bp > g->pos)) {
		memset(&nn, 0, sizeof(nn));
		nn.pos = k->last_bp;
		nn.line = g->line + 1;
		nn.dem = g->dem + LB_RESCUED_DEM;
		nn.prev = cd->lastgone;
		nn.ratio = k->tol;
		nn.fit = 3;
		nn.hy = k->it[k->last_bp].kind == LB_PENALTY &&
		    k->it[k->last_bp].flagged ? g->hy + 1 : 0;
		after_break(k->it, k->n, k->last_bp, k->sw, k->sst, k->ssh, &nn);
		kp_push(k, &nn);
		return 1;
	}
	if (!(cd->have & 1))
		cd->c[0].hy = 0;
	cd->have |= 1;
	cd->c[0].dem = g->dem + LB_RESCUED_DEM;
	cd->c[0].prev = cd->lastgone;
	cd->c[0].ratio = -1;
	cd->c[0].line = g->line + 1;
	return 0;
}

/* Adds the candidates within LB_FIT_DEM of the best as nodes at break i;
 * a full active list drops its worst node first. */
static void
kp_add(struct kp *k, size_t i, const struct kp_cand *cd, double mind)
{
	struct lb_node nn;
	size_t worst, j;
	uint32_t m;
	int c;

	for (m = cd->have; m != 0; m &= m - 1) {
		c = kp_first(m);
		if (cd->c[c].dem > mind + LB_FIT_DEM)
			continue;
		if (k->nact >= LB_MAX_ACTIVE) {
			for (worst = 0, j = 1; j < k->nact; j++)
				if (k->node[k->active[j]].dem >
				    k->node[k->active[worst]].dem)
					worst = j;
			k->nact--;
			memmove(&k->active[worst], &k->active[worst + 1],
			    (k->nact - worst) * sizeof(k->active[0]));
		}
		nn = cd->c[c];
		nn.pos = i;
		nn.fit = c / (LB_HYRUN_CAP + 1);
		after_break(k->it, k->n, i, k->sw, k->sst, k->ssh, &nn);
		kp_push(k, &nn);
	}
}

/* The breaks of the best node at the final break, first line first. */
static size_t
kp_result(const struct kp *k, size_t **brkp, double **ratiop, int *rescued)
{
	size_t best = (size_t)-1, j, i, nl;
	size_t *brk;
	double *ratio;

	for (j = 0; j < k->nact; j++)
		if (k->node[k->active[j]].pos == k->n - 1 && (best == (size_t)-1 ||
		    k->node[k->active[j]].dem < k->node[best].dem))
			best = k->active[j];
	if (best == (size_t)-1)		/* empty paragraph */
		best = k->nnode - 1;
	nl = k->node[best].line;
	if (rescued != NULL)
		*rescued = k->node[best].dem >= LB_RESCUED_DEM;
	brk = xcalloc(nl > 0 ? nl : 1, sizeof(*brk));
	ratio = ratiop != NULL ? xcalloc(nl > 0 ? nl : 1, sizeof(*ratio)) :
	    NULL;
	for (j = best, i = nl; j != (size_t)-1 && i > 0; j = k->node[j].prev) {
		i--;
		brk[i] = k->node[j].pos;
		if (ratio != NULL)
			ratio[i] = k->node[j].ratio;
	}
	*brkp = brk;
	if (ratiop != NULL)
		*ratiop = ratio;
	return nl;
}

size_t
layout_line_breaks(const struct lb_item *it, size_t n,
    const struct lb_params *pa, size_t **brkp, double **ratiop, int *rescued)
{
	struct kp k;
	struct kp_cand cd;
	size_t i, nl;
	double pw, mind;
	int retried;

	kp_init(&k, it, n, pa);
	for (i = 0; i < n; i++) {
		if (!is_break(it, i))
			continue;
		pw = it[i].kind == LB_PENALTY ? it[i].w : 0;
		cd.have = 0;
		cd.lastgone = (size_t)-1;
		retried = 0;
		for (;;) {
			kp_scan(&k, i, pw, &cd);
			mind = kp_min(&cd);
			if (mind >= 0 || k.nact > 0 || cd.lastgone == (size_t)-1)
				break;
			if (!kp_rescue(&k, &cd, retried)) {
				mind = cd.c[0].dem;
				break;
			}
			retried = 1;
		}
		kp_add(&k, i, &cd, mind);
		k.last_bp = i;
	}
	nl = kp_result(&k, brkp, ratiop, rescued);
	if (k.node != k.lnode)
		free(k.node);
	if (k.sw != k.lsum)
		free(k.sw);
	if (k.nglue != k.lglue)
		free(k.nglue);
	return nl;
}

/* ---- paragraphs ---- */

/* The capital of a small letter beyond WinAnsi: Latin Extended-A and
 * Additional (pairs, capital first; not the dotless i, whose capital is
 * ASCII), Greek and Cyrillic; else cp itself. */
static unsigned long
upper_extra(unsigned long cp)
{
	if ((cp >= 0x100 && cp < 0x138 && cp != 0x131) ||
	    (cp >= 0x14A && cp < 0x178) || (cp >= 0x1E00 && cp < 0x1E96) ||
	    (cp >= 0x1EA0 && cp < 0x1F00))
		return cp % 2 == 1 ? cp - 1 : cp;
	if ((cp >= 0x139 && cp < 0x149) || (cp >= 0x179 && cp < 0x17F))
		return cp % 2 == 0 ? cp - 1 : cp;
	if ((cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) ||
	    (cp >= 0x430 && cp < 0x450))
		return cp - 0x20;
	if (cp >= 0x450 && cp < 0x460)
		return cp - 0x50;
	return cp;
}

/* The capital of code point cp: WinAnsi's pairs (layout_line_upper) and
 * upper_extra's; callers keep a capital only when its UTF-8 is as long. */
static unsigned long
upper_cp(unsigned long cp)
{
	int b = winansi_from_cp(cp);

	return b < 0 ? upper_extra(cp) :
	    winansi_to_cp((unsigned char)layout_line_upper(b));
}

int
layout_line_upper(int c)
{
	c &= 0xFF;
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
		return c - 32;
	if (c == 0x9A || c == 0x9C || c == 0x9E)
		return c - 16;
	if (c == 0xFF)
		return 0x9F;
	return c;
}

void
layout_line_upper_utf8(char *s, size_t n)
{
	size_t i = 0, k;
	unsigned long cp;
	char u[4];

	while (i < n) {
		if (s[i] >= 'a' && s[i] <= 'z') {
			s[i++] -= 'a' - 'A';
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x80 && utf8_encode(upper_cp(cp), u) == k)
			memcpy(s + i, u, k);
		i += k;
	}
}

enum font_style
layout_line_font(unsigned flags)
{
	if ((flags & RUN_BOLD) && (flags & RUN_ITALIC))
		return FONT_BOLDITALIC;
	if (flags & RUN_BOLD)
		return FONT_BOLD;
	if (flags & RUN_ITALIC)
		return FONT_ITALIC;
	return FONT_REGULAR;
}

/* LB_LOCAL_SRC: bytes of a paragraph kept in struct src (on the stack):
 * a table cell's, measured and set without allocating. */
#define LB_LOCAL_SRC	512
struct src {
	char		*s;	/* bytes; '\n' is a hard break */
	unsigned char	*f;	/* font of each byte */
	size_t		 n;
	char		 ls[LB_LOCAL_SRC];
	unsigned char	 lf[LB_LOCAL_SRC];
};

static void
src_free(struct src *sr)
{
	if (sr->s != sr->ls) {
		free(sr->s);
		free(sr->f);
	}
}

static void
src_make(struct src *sr, const struct run *runs, size_t nrun,
    const struct lb_opts *o)
{
	size_t i, j, total = 0;

	for (i = 0; i < nrun; i++)
		total += runs[i].len + 1;
	sr->s = total + 1 <= LB_LOCAL_SRC ? sr->ls : xmalloc(total + 1);
	sr->f = total + 1 <= LB_LOCAL_SRC ? sr->lf : xmalloc(total + 1);
	sr->n = 0;
	for (i = 0; i < nrun; i++) {
		unsigned f = layout_line_font(runs[i].flags | o->flags_or) |
		    (runs[i].flags & RUN_NOTE ? LB_SUP : 0);

		if (runs[i].flags & RUN_BREAK) {
			sr->s[sr->n] = '\n';
			sr->f[sr->n++] = (unsigned char)f;
			continue;
		}
		if (runs[i].len == 0)
			continue;
		if (!o->upper) {
			/* the bytes as they are, white space made spaces */
			char *d = sr->s + sr->n;

			memcpy(d, runs[i].text, runs[i].len);
			memset(sr->f + sr->n, (int)f, runs[i].len);
			for (j = 0; j < runs[i].len; j++)
				if ((unsigned char)d[j] <= '\r' && (d[j] == '\t' ||
				    d[j] == '\r' || d[j] == '\n'))
					d[j] = ' ';
			sr->n += runs[i].len;
			continue;
		}
		for (j = 0; j < runs[i].len; j++) {
			int c = (unsigned char)runs[i].text[j];
			unsigned long cp;
			char u[4];
			size_t k, n;

			if (c == '\t' || c == '\r' || c == '\n')
				c = ' ';
			if (o->upper && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			else if (o->upper && c >= 0x80) {
				/* a capital is as long as its small letter */
				n = utf8_decode(runs[i].text + j, runs[i].len - j, &cp);
				if (utf8_encode(upper_cp(cp), u) == n) {
					for (k = 0; k < n; k++) {
						sr->s[sr->n] = u[k];
						sr->f[sr->n++] = (unsigned char)f;
					}
					j += n - 1;
					continue;
				}
			}
			sr->s[sr->n] = (char)c;
			sr->f[sr->n++] = (unsigned char)f;
		}
	}
}

/* The width of u font units in font f (metrics_width's arithmetic). */
static inline double
wid_units(const struct lb_opts *o, enum font_style f, unsigned long u)
{
	if ((unsigned)f & LB_SUP) {
		double size = o->size_pt * LB_SUP_SCALE;

		return (double)u * size / 1000.0;
	}
	return (double)u * o->size_pt / 1000.0;
}

/* metrics_width, called for every box: one call less. */
static inline double
wid(const struct lb_opts *o, enum font_style f, const char *s, size_t n)
{
	return wid_units(o, f, metrics_units(o->m, (enum font_style)((unsigned)f &
	    LB_FONT_MASK), s, n));
}

/* The items of a paragraph, and the widths of a space (glyph 0) and a
 * hyphen (1) in each font and superscript, each measured once a paragraph
 * (wid gives the same number every time).  The first LB_LOCAL_ITEMS items
 * are kept in `local` (on the caller's stack): a table cell's or a short
 * paragraph's allocate nothing. */
#define LB_LOCAL_ITEMS	96	/* 6.75 KiB */
struct items {
	struct lb_item	*v;
	size_t		 n, cap;
	double		 gw[2][2 * FONT__COUNT];
	unsigned	 have[2];
	struct lb_item	 local[LB_LOCAL_ITEMS];
};

static void
items_init(struct items *is)
{
	is->v = is->local;
	is->n = 0;
	is->cap = LB_LOCAL_ITEMS;
	is->have[0] = is->have[1] = 0;
}

static void
items_free(struct items *is)
{
	if (is->v != is->local)
		free(is->v);
	is->v = NULL;
}

/* Room for at least `need` items. */
static void
items_grow(struct items *is, size_t need)
{
	is->v = xgrow_from(is->v, is->local, &is->cap, is->n, need,
	    sizeof(*is->v));
}

static double
glyph_w(struct items *is, const struct lb_opts *o, enum font_style f,
    int hyphen)
{
	unsigned k = ((unsigned)f & LB_FONT_MASK) +
	    ((unsigned)f & LB_SUP ? FONT__COUNT : 0);

	if (!(is->have[hyphen] >> k & 1)) {
		is->gw[hyphen][k] = wid(o, f, hyphen ? "-" : " ", 1);
		is->have[hyphen] |= 1u << k;
	}
	return is->gw[hyphen][k];
}

/* Room for about the items of n bytes (a word and its space make about
 * two items of seven bytes), so that a paragraph past LB_LOCAL_ITEMS
 * allocates once. */
static void
items_reserve(struct items *is, size_t n)
{
	items_grow(is, is->n + n / 3 + 8);
}

static inline struct lb_item *
item_add(struct items *is, enum lb_kind k)
{
	static const struct lb_item zero;
	struct lb_item *it;

	/* Called for every item: the call to xgrow only when full. */
	if (is->n == is->cap)
		items_grow(is, is->n + 1);
	it = &is->v[is->n++];
	*it = zero;
	it->kind = k;
	return it;
}

/* Is the character holding byte i (not ASCII) a letter?  Latin-1 letters
 * (WinAnsi 0xC0 up, without the signs), and the Latin Extended, Greek and
 * Cyrillic blocks; punctuation and symbols are not. */
static int
letter_beyond_ascii(const struct src *sr, size_t i)
{
	unsigned long cp;
	int b;

	while (i > 0 && !UTF8_START(sr->s[i]))
		i--;
	utf8_decode(sr->s + i, sr->n - i, &cp);
	if ((b = winansi_from_cp(cp)) >= 0)
		return b >= 0xC0 && b != 0xD7 && b != 0xF7;
	return unicode_is_letter(cp);
}

/* Is the character holding byte i a letter?  ASCII letters (nearly every
 * byte) without a call, the others by letter_beyond_ascii. */
static inline int
letter_at(const struct src *sr, size_t i)
{
	if ((unsigned char)sr->s[i] < 0x80)
		return (sr->s[i] >= 'a' && sr->s[i] <= 'z') ||
		    (sr->s[i] >= 'A' && sr->s[i] <= 'Z');
	return letter_beyond_ascii(sr, i);
}

/* Is a no-break space at byte i? */
static inline int
is_nbsp(const struct src *sr, size_t i)
{
	return i + 1 < sr->n && sr->s[i] == LB_NBSP[0] &&
	    sr->s[i + 1] == LB_NBSP[1];
}

/* The bytes of a space at byte i: 1 a space, 2 a no-break space (unless
 * it is code's glyph), 0 none. */
static inline size_t
space_at(const struct src *sr, size_t i, const struct lb_opts *o)
{
	if (sr->s[i] == ' ')
		return 1;
	return !o->nbsp_glyph && is_nbsp(sr, i) ? 2 : 0;
}

/* Is an en or em dash just before byte i (UTF-8 E2 80 93/94)? */
static int
dash_before(const struct src *sr, size_t ws, size_t i)
{
	return i >= ws + 3 && memcmp(sr->s + i - 3, "\xe2\x80", 2) == 0 &&
	    (sr->s[i - 1] == '\x93' || sr->s[i - 1] == '\x94');
}

/* What a pass of the breaker may do (layout_line_set). */
struct lb_pass {
	double		 tol;		/* loosest adjustment ratio */
	int		 edge;		/* letters kept on each side of a hyphen */
	int		 hyph_min;	/* letters a word needs to be hyphenated */
	int		 last_word;	/* the paragraph's last word may break */
	int		 last_resort;	/* ties may break (LB_TIE_PEN), spaces
				 * shrink to 2/3 (LB_SHRINK_LAST) */
};

/* Are bytes [ws, we) ASCII letters only? */
static int
ascii_letters(const struct src *sr, size_t ws, size_t we)
{
	size_t i;

	for (i = ws; i < we; i++)
		if ((unsigned char)((sr->s[i] | 0x20) - 'a') > 'z' - 'a')
			return 0;
	return 1;
}

/* Is bytes [ws, we) a URL or an e-mail address?  Such a word breaks after
 * `/` and before `.` and `@`, never with a hyphen. */
static int
is_url(const struct src *sr, size_t ws, size_t we)
{
	size_t i, at = 0, dot = 0;

	for (i = ws; i < we; i++) {
		if (sr->s[i] == '@' && i > ws)
			at = i;
		else if (sr->s[i] == '.' && at != 0 && i + 1 < we)
			dot = 1;
		if (sr->s[i] == ':' && i + 3 <= we &&
		    memcmp(sr->s + i, "://", 3) == 0)
			return 1;
	}
	if (we - ws > 4 && (memcmp(sr->s + ws, "www.", 4) == 0 ||
	    memcmp(sr->s + ws, "WWW.", 4) == 0))
		return 1;
	return at != 0 && dot;
}

/* Break flags of a URL: after `/` (not inside `//`), before `.` and `@`,
 * at least 3 bytes from either end. */
static void
url_breaks(const struct src *sr, size_t ws, size_t we, unsigned char *brk)
{
	size_t i;

	for (i = ws + 3; i + 3 <= we; i++) {
		char c = sr->s[i], b = sr->s[i - 1];

		if ((b == '/' && c != '/') || ((c == '.' || c == '@') &&
		    b != '/' && b != '.'))
			brk[i - ws] = 4;
	}
}

/* Hyphenation points of the letters [cs, ce) into brk (1), keeping `edge`
 * letters at each end. */
static void
hyph_breaks(const struct src *sr, size_t ws, size_t cs, size_t ce,
    const struct lb_opts *o, int edge, unsigned char *brk)
{
	/* Words fit the stack buffer; only odd ones allocate. */
	unsigned char hbuf[LB_HYPH_BUF];
	unsigned char *hb = ce - cs <= sizeof(hbuf) ? hbuf : xmalloc(ce - cs);
	size_t i, a, all;

	for (i = cs; i < ce; i++)
		if (!letter_at(sr, i) && sr->s[i] != '\'')
			break;
	if (i == ce && o->hyph(o->hctx, sr->s + cs, ce - cs, hb) > 0)
		/* letters on each side, not bytes: a before i, the rest after */
		for (i = cs + 1, a = UTF8_START(sr->s[cs]),
		    all = utf8_count(sr->s + cs, ce - cs); i < ce;
		    a += UTF8_START(sr->s[i]), i++) {
			size_t b = all - a;

			if (!hb[i - cs])
				continue;
			if (a >= (size_t)edge && b >= (size_t)edge)
				brk[i - ws] = a < LB_EDGE_FIRST ||
				    b < LB_EDGE_FIRST ? 5 : 1;
		}
	if (hb != hbuf)
		free(hb);
}

/* Items of one word, bytes [ws, we) of the source (`name`: a word of a
 * proper name, next to a no-break space: not hyphenated).  `last`: the word ends
 * the paragraph (or a hard-broken line), where justified text offers no
 * hyphenation points on the first passes: a fragment alone on the last
 * line looks broken, and that line's fill glue absorbs any shortfall
 * without one. */
static void
word_items(struct items *is, const struct src *sr, size_t ws, size_t we,
    const struct lb_opts *o, const struct lb_pass *ps, int last, int name)
{
	/* 1 hyphen, 2 free, 3 emergency, 4 URL, 5 hyphen with fewer than
	 * LB_EDGE_FIRST letters on a side; words fit the stack buffer */
	unsigned char bbuf[LB_HYPH_BUF];
	unsigned char *brk = we - ws + 1 <= sizeof(bbuf) ? bbuf :
	    xmalloc(we - ws + 1);
	size_t i, j, start, cs, ce, nch;
	unsigned long units = 0, sup = 0, u = 0;
	double total;
	int one_font = 0, url;

	memset(brk, 0, we - ws + 1);
	/* the word's width: one sum of font units a font (u: the whole
	 * word's when it has one font, its width if it is one piece) */
	for (i = ws; i < we; i = j) {
		for (j = i + 1; j < we && sr->f[j] == sr->f[i]; j++)
			;
		u = metrics_units(o->m, (enum font_style)(sr->f[i] &
		    LB_FONT_MASK), sr->s + i, j - i);
		if (sr->f[i] & LB_SUP)
			sup += u;
		else
			units += u;
		one_font = i == ws && j == we;
	}
	total = ((double)units + (double)sup * LB_SUP_SCALE) * o->size_pt /
	    1000.0;
	/* the letters of the word, without punctuation around: a word of
	 * ASCII letters only (most) has no URL, hyphen or dash to look for */
	cs = ws;
	ce = we;
	url = 0;
	if (ascii_letters(sr, ws, we))
		;
	else if ((url = is_url(sr, ws, we)) != 0)
		url_breaks(sr, ws, we, brk);
	else {
		for (i = ws + 2; i + 1 < we; i++)
			if ((sr->s[i - 1] == '-' && letter_at(sr, i) &&
			    letter_at(sr, i - 2)) ||
			    /* after a dash in a range, "2026–2030" */
			    (dash_before(sr, ws + 1, i) &&
			    isalnum((unsigned char)sr->s[i]) &&
			    isalnum((unsigned char)sr->s[i - 4])))
				brk[i - ws] = 2;
		for (; cs < we && !letter_at(sr, cs); cs++)
			;
		for (; ce > cs && !letter_at(sr, ce - 1); ce--)
			;
	}
	if (!url && o->hyph != NULL && (!name || ps->last_resort) && (ps->last_word || !(last &&
	    o->align == LB_JUSTIFY)) && ce - cs >= (size_t)ps->hyph_min)
		hyph_breaks(sr, ws, cs, ce, o, ps->edge, brk);
	/* a word wider than the line may also break anywhere, at a cost:
	 * hyphenation points first */
	if (total > o->width + LB_EPS)
		for (i = ws + 1; i < we; i++)
			if (brk[i - ws] == 0 && UTF8_START(sr->s[i]))
				brk[i - ws] = 3;
	/* the pieces, counting the characters of each on the way */
	start = ws;
	nch = 0;
	for (i = ws; i <= we; i++) {
		int cut = i == we || (i > start && (sr->f[i] != sr->f[start] ||
		    brk[i - ws] != 0));
		struct lb_item *it;

		if (!cut) {
			nch += UTF8_START(sr->s[i]);
			continue;
		}
		if (i > start) {
			it = item_add(is, LB_BOX);
			it->font = (enum font_style)sr->f[start];
			it->off = start;
			it->len = i - start;
			it->nch = nch;
			it->w = one_font && start == ws && i == we ?
			    wid_units(o, it->font, u) :
			    wid(o, it->font, sr->s + start, i - start);
			if (o->align == LB_JUSTIFY) {
				it->st = (double)it->nch * LB_TRACK_ST *
				    o->size_pt;
				it->sh = (double)it->nch * LB_TRACK_SH *
				    o->size_pt;
			}
		}
		if (i < we && brk[i - ws] != 0) {
			it = item_add(is, LB_PENALTY);
			it->font = (enum font_style)sr->f[i - 1];
			if (brk[i - ws] == 1 || brk[i - ws] == 5) {
				it->pen = (o->align == LB_JUSTIFY ?
				    LB_HYPHEN_PEN : LB_RAGGED_HYPHEN_PEN) +
				    (brk[i - ws] == 5 ? LB_SHORT_EDGE_PEN : 0);
				it->flagged = 1;
				it->w = glyph_w(is, o, it->font, 1);
			} else if (brk[i - ws] == 2) {
				it->pen = LB_HYPHEN_PEN;
				it->flagged = 1;
			} else
				it->pen = brk[i - ws] == 4 ? LB_URL_PEN :
				    LB_EMERG_PEN;
		}
		start = i;
		nch = i < we ? UTF8_START(sr->s[i]) : 0;
	}
	if (brk != bbuf)
		free(brk);
}

static void
end_items(struct items *is, enum font_style f)
{
	struct lb_item *it = item_add(is, LB_GLUE);

	it->st = LB_FILL;
	it->font = f;
	it = item_add(is, LB_PENALTY);
	it->pen = -LB_INF;
	it->font = f;
}

/*
 * Is the space between words [as, ae) and [bs, be) a tie (no break)?
 * Legal citations and amounts stay together: "Nomor 20", "Tahun 2023",
 * "Pasal 5", "ayat (2)", "Rp 5.000", and the groups of a telephone number
 * after its area code ("(0370) 631 234").
 */
static int
is_tie(const struct src *sr, size_t as, size_t ae, size_t bs, size_t be)
{
	static const char *const before_number[] = { "nomor", "no.", "tahun",
	    "pasal", "ayat", "rp", "rp.", "bab", "angka", "huruf", "butir",
	    "lampiran", "halaman", "hlm.", "tanggal", "tgl." };
	size_t k, n, i;
	int digit = bs < be && (isdigit((unsigned char)sr->s[bs]) ||
	    (sr->s[bs] == '(' && bs + 1 < be &&
	    isdigit((unsigned char)sr->s[bs + 1])));

	if (!digit)
		return 0;
	for (k = 0; k < sizeof(before_number) / sizeof(before_number[0]); k++) {
		n = strlen(before_number[k]);
		if (ae - as != n)
			continue;
		for (i = 0; i < n; i++)
			if (tolower((unsigned char)sr->s[as + i]) !=
			    before_number[k][i])
				break;
		if (i == n)
			return 1;
	}
	/* telephone: "(0370)" or "+62" then groups of digits */
	if ((sr->s[as] == '(' || sr->s[as] == '+') && ae - as >= 3) {
		for (i = as + 1; i < ae; i++)
			if (!isdigit((unsigned char)sr->s[i]) && sr->s[i] != ')' &&
			    sr->s[i] != '-')
				return 0;
		for (i = bs; i < be; i++)
			if (!isdigit((unsigned char)sr->s[i]) && sr->s[i] != '-')
				return 0;
		return 1;
	}
	return 0;
}

static void
make_items(struct items *is, const struct src *sr, const struct lb_opts *o,
    const struct lb_pass *ps)
{
	size_t i = 0, j, k, sl, pws = 0, pwe = 0;
	int need_glue = 0, tied = 0;

	items_reserve(is, sr->n);

	if (o->indent > 0) {
		struct lb_item *it = item_add(is, LB_BOX);

		it->w = o->indent;
	}
	while (i < sr->n) {
		if ((sl = space_at(sr, i, o)) > 0) {
			if (is->n > 0 && is->v[is->n - 1].kind == LB_BOX) {
				need_glue = 1;
				/* a no-break space (words.c: a proper name) */
				tied = sl == 2;
			}
			i += sl;
			continue;
		}
		if (sr->s[i] == '\n') {
			end_items(is, (enum font_style)sr->f[i]);
			need_glue = tied = 0;
			i++;
			continue;
		}
		/* the word: up to a hard break or a space (space_at, whose
		 * no-break space starts with 0xC2) */
		for (j = i; j < sr->n; j++)
			if (sr->s[j] == '\n' || sr->s[j] == ' ' ||
			    (sr->s[j] == LB_NBSP[0] && space_at(sr, j, o) != 0))
				break;
		if (need_glue) {
			struct lb_item *it;
			/* a space after a superscript is the text's */
			enum font_style f = (enum font_style)(sr->f[i - 1] &
			    LB_FONT_MASK);
			double sp = glyph_w(is, o, f, 0);

			if (tied || is_tie(sr, pws, pwe, i, j)) {
				/* the last pass may break a tie, dearly,
				 * rather than set a line ragged */
				it = item_add(is, LB_PENALTY);
				it->pen = ps->last_resort ? LB_TIE_PEN : LB_INF;
				it->font = f;
			}
			it = item_add(is, LB_GLUE);
			it->font = f;
			it->w = sp;
			if (o->align == LB_JUSTIFY) {
				/* the gap between the words is the space and
				 * the letter spacing after the word's last
				 * letter: the space gives up that much of its
				 * own, so the gap keeps within 0.8-1.5 */
				it->st = sp / 2 - LB_TRACK_ST * o->size_pt;
				it->sh = sp / (ps->last_resort ? LB_SHRINK_LAST :
				    LB_SHRINK) - LB_TRACK_SH * o->size_pt;
			}
			need_glue = 0;
		}
		for (k = j; k < sr->n && (sl = space_at(sr, k, o)) > 0; k += sl)
			;
		/* the words of a name break between words only, never with a
		 * hyphen (PUEBI) */
		word_items(is, sr, i, j, o, ps, k == sr->n || sr->s[k] == '\n',
		    tied || (j < sr->n && is_nbsp(sr, j)));
		tied = 0;
		pws = i;
		pwe = j;
		i = j;
	}
	end_items(is, sr->n > 0 ? (enum font_style)sr->f[sr->n - 1] :
	    layout_line_font(o->flags_or));
}

static inline void
out_put(struct lb_para *p, const char *s, size_t n)
{
	if (p->outlen + n + 1 > p->outcap)
		p->out = xgrow(p->out, &p->outcap, p->outlen + n + 1, 1);
	if (n == 1)
		p->out[p->outlen] = *s;
	else
		memcpy(p->out + p->outlen, s, n);
	p->outlen += n;
	p->out[p->outlen] = '\0';
}

static struct lb_seg *
seg_new(struct lb_para *p, enum font_style f)
{
	struct lb_seg *s;

	p->seg = xgrow(p->seg, &p->segcap, p->nseg + 1, sizeof(*p->seg));
	s = &p->seg[p->nseg++];
	memset(s, 0, sizeof(*s));
	s->font = f;
	s->off = p->outlen;
	return s;
}

/* The letter spacing a line ending at break item `to` does not get: the
 * last glyph's (PDF's Tc follows every glyph, so the ink ends one short),
 * unless an added hyphen, itself spaced, follows it. */
static double
end_track(const struct lb_item *it, double size_pt, int shrink)
{
	if (it->kind == LB_PENALTY && it->flagged && it->w > 0)
		return 0;
	return (shrink ? LB_TRACK_SH : LB_TRACK_ST) * size_pt;
}

/* The adjustment ratio that fills line [from, to) exactly (rescued lines
 * too), at least -1.  A justified line stretches its spaces and its
 * letters (LB_TRACK_ST) by the same ratio.  A line with no space that
 * the letters alone cannot fill gets 0, as before letter spacing. */
static double
line_ratio(const struct items *is, size_t from, size_t to, double width,
    const struct lb_opts *o)
{
	double w = 0, y = 0, z = 0, yg = 0, r;
	size_t i;

	for (i = from; i < to; i++)
		if (is->v[i].kind == LB_BOX ||
		    (is->v[i].kind == LB_GLUE && is->v[i].st < LB_FILL)) {
			w += is->v[i].w;
			y += is->v[i].st;
			z += is->v[i].sh;
			yg += is->v[i].kind == LB_GLUE ? is->v[i].st : 0;
		}
	if (is->v[to].kind == LB_PENALTY)
		w += is->v[to].w;
	if (o->align == LB_JUSTIFY && y > 0) {
		y -= end_track(&is->v[to], o->size_pt, 0);
		z -= end_track(&is->v[to], o->size_pt, 1);
	}
	r = w < width ? (y > 0 ? (width - w) / y : 0) :
	    (z > 0 ? (width - w) / z : 0);
	if (yg == 0 && r > LB_TOL_SECOND)
		r = 0;
	return r < -1 ? -1 : r;
}

/*
 * Letter spacing *cs after each glyph of a justified line with ratio r,
 * and the spaces' ratio *rs: in step with the spaces; past the first
 * passes' limit (r > 1: spaces over 1.5 times natural) the letters stay
 * at LB_TRACK_ST, where they do not show, and the spaces take the rest.
 * Returns 0 when that would take the spaces past LB_TOL_SECOND (the line
 * is then set ragged, *cs and *rs 0).
 */
static int
line_tracking(const struct items *is, size_t from, size_t to,
    const struct lb_opts *o, double r, int forced, double *cs, double *rs)
{
	double yg = 0, yb = 0, q;
	size_t i;

	*cs = (r > 0 ? r * LB_TRACK_ST : r * LB_TRACK_SH) * o->size_pt;
	*rs = r;
	if (r <= 1)
		return 1;
	for (i = from; i < to; i++)
		if (is->v[i].kind == LB_BOX)
			yb += is->v[i].st;
		else if (is->v[i].kind == LB_GLUE && is->v[i].st < LB_FILL)
			yg += is->v[i].st;
	yb -= end_track(&is->v[to], o->size_pt, 0);
	q = yg > 0 ? r + (r - 1) * yb / yg : 0;
	if (yg > 0 && q <= LB_TOL_SECOND + LB_EPS) {
		*cs = LB_TRACK_ST * o->size_pt;
		*rs = q;
	} else if (!forced) {
		*cs = *rs = 0;
		return 0;
	}
	return 1;
}

/*
 * Sets items [from, to] as line l of nl into p.  A justified line gets
 * word space from its ratio r; a last line only shrinks (as the breaker
 * assumed); a line the breaker could not fit within LB_TOL_SECOND (`ragged`:
 * the last pass) and one whose spaces the PDF writer cannot draw are set
 * ragged with natural spaces.
 */
static void
set_line(struct lb_para *p, const struct src *sr, struct items *is,
    size_t from, size_t to, const struct lb_opts *o, size_t l, size_t nl,
    double shrink)
{
	struct lb_line *ln;
	struct lb_seg *cur = NULL;
	size_t i, s;
	double x = 0, nat = 0, spn = 0, sps = 0;
	int glyphs = 0;
	double r = line_ratio(is, from, to, o->width, o), cs = 0, rs = 0;
	int forced = is->v[to].kind == LB_PENALTY && is->v[to].pen <= -LB_INF;
	int just = o->align == LB_JUSTIFY && (!forced ? r <=
	    LB_TOL_SECOND + LB_EPS : r < 0), f, rag = 0;

	if (o->align == LB_JUSTIFY && !forced && !just)
		rag = 1;
	/* the PDF writer's limit on word space (a row of dots asked 400 pt) */
	for (f = 0; just && r > 0 && f < FONT__COUNT; f++)
		if (r * glyph_w(is, o, (enum font_style)f, 0) / 2 >
		    PAGE_MAX_WORD_SPACE_PT)
			just = 0, rag = 1;
	if (just && !line_tracking(is, from, to, o, r, forced, &cs, &rs)) {
		/* letters spaced past 0.03 em show: the emergency instead */
		just = 0;
		rag = 1;
	}
	p->line = xgrow(p->line, &p->linecap, p->nline + 1, sizeof(*p->line));
	ln = &p->line[p->nline++];
	memset(ln, 0, sizeof(*ln));
	ln->seg0 = p->nseg;
	for (i = from; i < to; i++) {
		const struct lb_item *it = &is->v[i];

		if (it->kind == LB_BOX && it->len == 0) {
			x += it->w;	/* the first-line indent */
			nat += it->w;
			cur = NULL;
			continue;
		}
		if (it->kind == LB_PENALTY)
			continue;
		if (it->kind == LB_GLUE) {
			if (it->st >= LB_FILL || cur == NULL)
				continue;
			out_put(p, " ", 1);
			cur->len++;
			x += it->w + cur->ws;
			nat += it->w;
			spn += it->w;
			sps += it->w + cur->ws + cs;	/* the whole gap */
			ln->nspace++;
			continue;
		}
		if (cur == NULL || cur->font != it->font) {
			double sp = glyph_w(is, o, it->font, 0);

			cur = seg_new(p, it->font);
			cur->x = x;
			cur->cs = cs;
			if (just)
				cur->ws = rs > 0 ? rs * (sp / 2 - LB_TRACK_ST *
				    o->size_pt) : rs * (sp / shrink -
				    LB_TRACK_SH * o->size_pt);
		}
		out_put(p, sr->s + it->off, it->len);
		cur->len += it->len;
		x += it->w + (double)it->nch * cs;
		nat += it->w;
		glyphs = 1;
	}
	if (is->v[to].kind == LB_PENALTY && is->v[to].flagged &&
	    is->v[to].w > 0 && cur != NULL) {
		out_put(p, "-", 1);
		cur->len++;
		ln->hyphen = 1;
		x += is->v[to].w + cs;
		nat += is->v[to].w;
	}
	/* the ink ends before the last glyph's letter spacing */
	ln->width = glyphs ? x - cs : x;
	ln->natural = nat;
	ln->measure = o->width;
	ln->ratio = spn > 0 ? sps / spn : 1;
	ln->nseg = p->nseg - ln->seg0;
	ln->flags = (l == 0 ? PL_FIRST : 0) | (l + 1 == nl ? PL_LAST : 0) |
	    (ln->hyphen ? PL_HYPHEN : 0) | (just && !forced ? PL_JUSTIFY : 0) |
	    (rag ? PL_RAGGED : 0);
	if (!just || forced) {
		double shift = 0;

		if (o->align == LB_CENTER)
			shift = (o->width - ln->width) / 2;
		else if (o->align == LB_RIGHT)
			shift = o->width - ln->width;
		for (s = ln->seg0; s < p->nseg; s++)
			p->seg[s].x += shift;
	}
}

/*
 * The passes (TeX's \pretolerance, \tolerance, \emergencystretch in
 * spirit): justified text first with spaces at most 1.5 times natural and
 * hyphens keeping 3 letters a side; then also hyphens keeping 2 (at a
 * cost: "sa-/ma" only against a loose line); then spaces up to 2 times;
 * then, as a last resort, spaces shrinking to 2/3 (TeX's usual shrink)
 * and ties ("Tahun 2023") breaking at a cost; what still does not fit is
 * set ragged (the last word never breaks: a fragment alone on the last
 * line looks broken).  Ragged text (cells,
 * headings) has one pass with room for 4 times its end stretch, and a
 * second with every hyphenation point when the first fails.
 */
static const struct lb_pass lb_pass_just[] = {
	{ LB_TOL_FIRST, LB_EDGE_FIRST, LB_HYPH_MIN, 0, 0 },
	{ LB_TOL_FIRST, 2, LB_HYPH_MIN, 0, 0 },
	{ LB_TOL_SECOND, 2, LB_HYPH_MIN, 0, 0 },
	{ LB_TOL_SECOND, 2, LB_HYPH_MIN, 0, 1 },
};
static const struct lb_pass lb_pass_ragged[] = {
	{ 4.0, LB_EDGE_FIRST, LB_HYPH_MIN, 1, 0 },
	{ 4.0, 2, LB_HYPH_MIN, 1, 1 },
};

void
layout_line_set(struct lb_para *p, const struct run *runs, size_t nrun,
    const struct lb_opts *o)
{
	const struct lb_pass *pass = o->align == LB_JUSTIFY ? lb_pass_just :
	    lb_pass_ragged;
	size_t npass = o->align == LB_JUSTIFY ? 4 : 2, k, nl = 0, l, from = 0;
	struct src sr;
	struct items is;
	struct lb_params pa;
	size_t *brk = NULL;
	int rescued = 0;

	p->outlen = p->nseg = p->nline = 0;
	items_init(&is);
	src_make(&sr, runs, nrun, o);
	memset(&pa, 0, sizeof(pa));
	pa.width = o->width;
	/* Ragged text: each line may fall short by a few ems at little cost
	 * (TeX's \raggedright), so short lines beat hyphens; the spaces
	 * themselves keep their width. */
	pa.line_st = o->align == LB_JUSTIFY ? 0 : LB_RAGGED_EM * o->size_pt;
	if (o->align == LB_JUSTIFY) {
		pa.end_st = LB_TRACK_ST * o->size_pt;
		pa.end_sh = LB_TRACK_SH * o->size_pt;
	}
	pa.maxhy = o->max_hyphens > 0 ? o->max_hyphens : LB_MAXHY_DEFAULT;
	pa.oneword = o->align == LB_JUSTIFY;
	for (k = 0; k < npass; k++) {
		struct lb_pass ps = pass[k];

		if (o->hyph_min > ps.hyph_min && k + 1 < npass)
			ps.hyph_min = o->hyph_min;
		is.n = 0;
		free(brk);
		make_items(&is, &sr, o, &ps);
		pa.tol = ps.tol;
		nl = layout_line_breaks(is.v, is.n, &pa, &brk, NULL, &rescued);
		if (!rescued)
			break;
	}
	/* the text of every line: at most the source's bytes, a hyphen a
	 * line and the NUL, so out_put grows it no more */
	if (sr.n + nl + 1 > p->outcap)
		p->out = xgrow(p->out, &p->outcap, sr.n + nl + 1, 1);
	for (l = 0; l < nl; l++) {
		/* a break discards the glue and penalties after it */
		while (from < brk[l] && is.v[from].kind != LB_BOX)
			from++;
		set_line(p, &sr, &is, from, brk[l], o, l, nl,
		    pass[k < npass ? k : npass - 1].last_resort ?
		    LB_SHRINK_LAST : LB_SHRINK);
		from = brk[l] + 1;
	}
	free(brk);
	items_free(&is);
	src_free(&sr);
}

void
layout_line_free(struct lb_para *p)
{
	free(p->out);
	free(p->seg);
	free(p->line);
	memset(p, 0, sizeof(*p));
}

void
layout_line_measure(const struct run *runs, size_t nrun,
    const struct lb_opts *o, double *minw, double *maxw)
{
	struct src sr;
	double word = 0, line = 0, mn = 0, mx = 0, pend = 0;
	size_t i;

	src_make(&sr, runs, nrun, o);
	for (i = 0; i <= sr.n; i++) {
		int c = i < sr.n ? (unsigned char)sr.s[i] : '\n';

		if (c == ' ' || c == '\n') {
			if (word > 0) {
				line += pend + word;
				pend = 0;
			}
			if (word > mn)
				mn = word;
			word = 0;
			if (c == ' ' && line > 0)
				pend = wid(o, (enum font_style)sr.f[i], " ", 1);
			if (c == '\n') {
				if (line > mx)
					mx = line;
				line = 0;
				pend = 0;
			}
			continue;
		}
		/* a character at its first byte, whole */
		if (UTF8_START(c)) {
			size_t k = 1;

			while (i + k < sr.n && !UTF8_START(sr.s[i + k]))
				k++;
			word += wid(o, (enum font_style)sr.f[i], sr.s + i, k);
		}
	}
	src_free(&sr);
	*minw = mn;
	*maxw = mx;
}

double
layout_line_min_piece(const struct run *runs, size_t nrun,
    const struct lb_opts *o)
{
	struct lb_opts wide = *o;
	struct src sr;
	struct items is;
	double piece = 0, mn = 0;
	size_t i;

	/* no line is too short here, so no emergency breaks */
	wide.width = LB_FILL;
	items_init(&is);
	src_make(&sr, runs, nrun, &wide);
	make_items(&is, &sr, &wide, &lb_pass_ragged[0]);
	for (i = 0; i < is.n; i++) {
		const struct lb_item *it = &is.v[i];

		if (it->kind == LB_BOX) {
			piece += it->w;
			continue;
		}
		if (!is_break(is.v, i) && it->kind != LB_GLUE)
			continue;
		if (it->kind == LB_PENALTY && it->flagged)
			piece += it->w;
		if (piece > mn)
			mn = piece;
		piece = 0;
	}
	if (piece > mn)
		mn = piece;
	items_free(&is);
	src_free(&sr);
	return mn;
}
