/*
 * rencana: charts (`rencana-grafik`, docs/templates.md "Charts"), drawn as
 * vector boxes: filled rectangles (BOX_RECT), lines (BOX_RULE) and labels
 * as real text (BOX_TEXT), so the PDF's text can be searched and copied.
 * The template writes the data as directive lines (`seri:`, `nilai:`), so a
 * secretariat adds, moves or drops a chart in a copy of a template.
 *
 * Two kinds:
 *  - `jenis: batang` (the default): horizontal bars, one row per `nilai`
 *    line, one bar per series in the row, the value after each bar; the
 *    row labels wrap in a column at the left;
 *  - `jenis: garis`: one small panel per `nilai` line (an indicator), its
 *    values across the series (years) joined by a line, with its own
 *    scale; a line followed by `arah: turun` is drawn dashed with hollow
 *    points (lower is better), others solid with filled points.
 * Series are told apart without colour: solid grays of different depth,
 * and every second series hatched with diagonal lines, each bar outlined;
 * numbers are in Indonesian form (1.234; 12,5).  A chart is measured and
 * drawn by one function (draw 0 or 1), so its height is exact; the figure
 * (layout_figure.c) keeps it on one page with its caption.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "diag.h"
#include "layout.h"
#include "layout_int.h"
#include "page.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 * CHART_MAX_SERIES: series of a chart (bars in a row, years of a
 *   trajectory): a legend or an axis of more is unreadable; a plan period
 *   is at most 11 years with its baseline.
 * CHART_MAX_ROWS: `nilai` lines (bar rows or panels) drawn: 40 rows of
 *   one line fill a page, and a chart taller than a page is drawn smaller
 *   to fit it (layout_figure.c), its text with it, so 200 rows would be
 *   unreadable already; further lines are left out, with a warning.
 */
#define CHART_MAX_SERIES	12
#define CHART_MAX_ROWS		200

#define CH_PT		9.0	/* labels */
#define CH_SMALL_PT	8.0	/* values and ticks */
#define BAR_PT		9.0	/* the thickness of a bar */
#define BAR_GAP		1.5	/* between the bars of a row */
#define ROW_GAP		6.0	/* between rows */
#define LABEL_GAP	5.0	/* between a row label and the axis */
#define LABEL_MAX	0.38	/* the row labels take at most this of the width */
#define PANEL_GAP	16.0	/* between panels */
#define PANEL_PLOT	78.0	/* the plot of a panel, pt high */
#define HATCH_STEP	3.5	/* pt between hatch lines */
#define LINE_PT		0.5	/* outlines and axes */
#define GRID_GRAY	0.8

struct chart {
	int		 garis;			/* jenis: garis */
	size_t		 nseries;
	char		*series[CHART_MAX_SERIES];	/* UTF-8 (owned) */
	size_t		 nrow;
	char		*label[CHART_MAX_ROWS];		/* UTF-8 (owned) */
	double		 v[CHART_MAX_ROWS][CHART_MAX_SERIES];
	unsigned char	 have[CHART_MAX_ROWS][CHART_MAX_SERIES];
	unsigned char	 down[CHART_MAX_ROWS];	/* arah: turun */
	char		*unit;			/* satuan, UTF-8, or NULL */
};

static const double fill_gray[4] = { 0.35, 0.85, 0.6, 1.0 };

/* ---- data ---- */

static void
chart_free(struct chart *ch)
{
	size_t i;

	for (i = 0; i < ch->nseries; i++)
		free(ch->series[i]);
	for (i = 0; i < ch->nrow; i++)
		free(ch->label[i]);
	free(ch->unit);
}

static void
chart_bad(struct lay *L, const struct block *b, int report, const char *fmt,
    const char *arg)
{
	if (report)
		diag_add(L->dl, D_LAYOUT_CHART, b->has_pos ? &b->pos : NULL,
		    b->field, fmt, arg);
}

/* The fields of `a|b|c` (an empty last one dropped) as UTF-8 copies into
 * f[0..max); returns how many there are (may exceed max). */
static size_t
split(const char *s, char **f, size_t max)
{
	size_t n = 0, len = strlen(s);
	const char *p = s, *bar;

	if (len > 0 && s[len - 1] == '|')
		len--;
	for (;;) {
		const char *end = s + len;

		bar = memchr(p, '|', (size_t)(end - p));
		if (bar == NULL)
			bar = end;
		if (n < max) {
			f[n] = xstrndup(p, (size_t)(bar - p));	/* UTF-8 */
		}
		n++;
		if (bar == end)
			break;
		p = bar + 1;
	}
	return n;
}

/* A number as the plan writes it (12, 54.2), or `-` for none. */
static int
number(const char *s, double *v, int *have)
{
	char *end;

	while (*s == ' ')
		s++;
	*have = 0;
	if (strcmp(s, "-") == 0 || *s == '\0')
		return 1;
	*v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (*end != '\0' || !isfinite(*v))
		return 0;
	*have = 1;
	return 1;
}

/* One `nilai` line: the label, then one number per series, parsed from the
 * right so a label may hold `|`. */
static int
parse_row(struct chart *ch, const char *val, double div)
{
	const char *p = val + strlen(val);
	size_t k = ch->nseries, r = ch->nrow;

	if (p > val && p[-1] == '|')
		p--;
	while (k-- > 0) {
		const char *q = p;
		char *num;
		int have, ok;

		while (q > val && q[-1] != '|')
			q--;
		if (q == val)
			return 0;
		num = xstrndup(q, (size_t)(p - q));
		ok = number(num, &ch->v[r][k], &have);
		free(num);
		if (!ok)
			return 0;
		ch->have[r][k] = (unsigned char)have;
		if (have)
			ch->v[r][k] /= div;
		p = q - 1;
	}
	ch->label[r] = xstrndup(val, (size_t)(p - val));	/* UTF-8 */
	ch->nrow++;
	return 1;
}

/* Reads the directive's lines into ch; 0 (reported when `report`) when they
 * do not make a chart. */
static int
chart_read(struct lay *L, const struct block *b, struct chart *ch, int report)
{
	const char *j = blocks_kv(b, "jenis"), *s = blocks_kv(b, "seri");
	const char *u = blocks_kv(b, "satuan"), *d = blocks_kv(b, "bagi");
	double div = 1;
	size_t i, n;
	int have;

	memset(ch, 0, sizeof(*ch));
	if (j != NULL && strcmp(j, "garis") != 0 && strcmp(j, "batang") != 0) {
		chart_bad(L, b, report, "`jenis: %s`: a chart is `batang` or `garis`", j);
		return 0;
	}
	ch->garis = j != NULL && strcmp(j, "garis") == 0;
	if (d != NULL && (!number(d, &div, &have) || !have || div <= 0)) {
		chart_bad(L, b, report, "`bagi: %s` is not a number above 0", d);
		return 0;
	}
	n = s != NULL ? split(s, ch->series, CHART_MAX_SERIES) : 0;
	if (n > CHART_MAX_SERIES) {
		ch->nseries = CHART_MAX_SERIES;
		chart_bad(L, b, report, "more than 12 series in `seri: %s`", s);
		return 0;
	}
	ch->nseries = n > 0 ? n : 1;
	if (n == 0)
		ch->series[0] = xstrdup("");
	if (u != NULL && *u != '\0')
		ch->unit = xstrdup(u);
	for (i = 0; i < b->nkv; i++) {
		const struct blk_kv *kv = &b->kv[i];

		if (strcmp(kv->key, "arah") == 0 && ch->nrow > 0)
			ch->down[ch->nrow - 1] = strcmp(kv->value, "turun") == 0;
		if (strcmp(kv->key, "nilai") != 0)
			continue;
		if (ch->nrow == CHART_MAX_ROWS) {
			if (report)
				diag_add(L->dl, D_LAYOUT_CHART_ROWS, b->has_pos ?
				    &b->pos : NULL, b->field, "a chart has more "
				    "than 200 `nilai` lines%s; the rest are left "
				    "out", "");
			break;
		}
		if (!parse_row(ch, kv->value, div)) {
			chart_bad(L, b, report, "`nilai: %s` is not `label|number` with "
			    "one number (or `-`) per series", kv->value);
			return 0;
		}
	}
	if (ch->nrow == 0) {
		chart_bad(L, b, report, "a chart has no `nilai` lines%s", "");
		return 0;
	}
	return 1;
}

/* ---- numbers and scales ---- */

/* v in Indonesian form: 1.234; 12,5; 0,25 (at most two decimals). */
static void
fmt_num(double v, char *out, size_t n)
{
	long long whole, cents = llround(fabs(v) * 100);
	char digits[32], *o = out;
	size_t len, i;

	whole = cents / 100;
	cents %= 100;
	snprintf(digits, sizeof(digits), "%lld", whole);
	len = strlen(digits);
	if (v < 0 && (whole > 0 || cents > 0))
		*o++ = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			*o++ = '.';
		*o++ = digits[i];
	}
	if (cents > 0) {
		*o++ = ',';
		*o++ = (char)('0' + cents / 10);
		if (cents % 10 != 0)
			*o++ = (char)('0' + cents % 10);
	}
	*o = '\0';
	(void)n;
}

/* A tick step near range/target: 1, 2, 2.5 or 5 times a power of ten. */
static double
nice_step(double range, int target)
{
	static const double m[] = { 1, 2, 2.5, 5, 10 };
	double raw = range / target, p, best;
	size_t i;

	if (raw <= 0)
		return 1;
	p = pow(10, floor(log10(raw)));
	best = 10 * p;
	for (i = 0; i < sizeof(m) / sizeof(*m); i++)
		if (m[i] * p >= raw) {
			best = m[i] * p;
			break;
		}
	return best;
}

/* ---- drawing ---- */

static void
text_at(struct lay *L, int draw, double x, double y, enum font_style f,
    double size, const char *s)
{
	if (draw)
		page_add_text(lay_page(L), x, y, f, size, s, strlen(s));
}

static double
width_of(const struct lay *L, enum font_style f, double size, const char *s)
{
	return metrics_width(L->m, f, s, strlen(s), size);
}

static void
rule(struct lay *L, double x, double y, double w, double h, double gray,
    double lw)
{
	page_add_rule(lay_page(L), x, y, w, h, lw)->gray = gray;
}

/* Diagonal lines (lower left to upper right) clipped to the rectangle. */
static void
hatch(struct lay *L, double x, double y, double w, double h)
{
	double c;

	/* the lines v - u = c in the rectangle's own coordinates */
	for (c = -w + HATCH_STEP / 2; c < h; c += HATCH_STEP) {
		double u0 = c < 0 ? -c : 0, u1 = h - c < w ? h - c : w;

		if (u1 - u0 > 0.2)
			rule(L, x + u0, y + u0 + c, u1 - u0, u1 - u0, 0, 0.4);
	}
}

/* A bar (or a legend key) of series k: fill, hatch, outline. */
static void
swatch(struct lay *L, double x, double y, double w, double h, size_t k)
{
	struct box *bx = page_add_box(lay_page(L), BOX_RECT);

	bx->x = x;
	bx->y = y;
	bx->w = w;
	bx->h = h;
	bx->gray = fill_gray[k % 4];
	if (k % 2 == 1 && w > 1)
		hatch(L, x, y, w, h);
	page_add_frame(lay_page(L), x, y, w, h, LINE_PT);
}

/* Text wrapped to width w, aligned al, from `top` down; returns lines. */
static size_t
wrapped(struct lay *L, int draw, const char *s, double x, double top,
    double w, double size, unsigned flags, enum lb_align al)
{
	struct lb_opts o;
	struct lb_para p;
	struct run r;
	double lh = lay_line_height(L, size, 1);
	size_t k, n;

	memset(&r, 0, sizeof(r));
	r.text = (char *)s;
	r.len = strlen(s);
	r.flags = flags;
	memset(&p, 0, sizeof(p));
	lay_opts(L, &o, size, w, al);
	o.hyph = NULL;
	layout_line_set(&p, &r, 1, &o);
	for (k = 0; draw && k < p.nline; k++)
		lay_emit_line(L, &p, k, x, top - (double)k * lh, lh, size);
	n = p.nline;
	layout_line_free(&p);
	return n;
}

/* The legend: a key and the name of each series, in rows; its height. */
static double
legend(struct lay *L, const struct chart *ch, double x, double top, double w,
    int draw)
{
	double lh = lay_line_height(L, CH_PT, 1), cx = x, key = 10, h = lh;
	size_t k;

	if (ch->nseries < 2)
		return 0;
	for (k = 0; k < ch->nseries; k++) {
		double tw = key + 4 + width_of(L, FONT_REGULAR, CH_PT,
		    ch->series[k]) + 12;

		if (cx > x && cx + tw > x + w) {
			cx = x;
			h += lh;
		}
		if (draw) {
			swatch(L, cx, top - h + (lh - 7) / 2, key, 7, k);
			text_at(L, 1, cx + key + 4, top - h + (lh - CH_PT) / 2 + 2,
			    FONT_REGULAR, CH_PT, ch->series[k]);
		}
		cx += tw;
	}
	return h + 4;
}

/* The value axis at the foot of the bars, from x0 (axmin) to x1 (axmax)
 * at y, with its grid up to top behind the bars (drawn first), the tick
 * labels, and the zero line. */
static void
value_axis(struct lay *L, double x0, double x1, double y, double top,
    double axmin, double axmax, double step)
{
	char buf[48];
	double t, zero = x0 + (x1 - x0) * -axmin / (axmax - axmin);

	for (t = axmin; t <= axmax + step / 2; t += step) {
		double tx = x0 + (x1 - x0) * (t - axmin) / (axmax - axmin);

		if (fabs(t) < step / 2)
			t = 0;		/* no -0 from adding steps */
		if (t != 0)
			rule(L, tx, y, 0, top - y, GRID_GRAY, 0.3);
		rule(L, tx, y - 2, 0, 2, 0, LINE_PT);
		fmt_num(t, buf, sizeof(buf));
		text_at(L, 1, tx - width_of(L, FONT_REGULAR, CH_SMALL_PT,
		    buf) / 2, y - 2 - CH_SMALL_PT, FONT_REGULAR, CH_SMALL_PT, buf);
	}
	rule(L, x0, y, x1 - x0, 0, 0, LINE_PT);
	rule(L, zero, y, 0, top - y, 0, LINE_PT);
}

/* Below the axis: its tick labels, and the unit. */
static double
axis_foot(const struct chart *ch)
{
	return 4 + CH_SMALL_PT + (ch->unit != NULL ? CH_SMALL_PT + 3 : 0);
}

/* The bars; returns the chart's height. */
static double
bars(struct lay *L, const struct chart *ch, double x, double top, double w,
    int draw)
{
	double lh = lay_line_height(L, CH_PT, 1), y, maxv = 0, minv = 0, step;
	double labw = 0, valw = 0, x0, x1, t, axmax, axmin, zero;
	char buf[48];
	size_t r, k;

	for (r = 0; r < ch->nrow; r++) {
		double lw = width_of(L, FONT_REGULAR, CH_PT, ch->label[r]);

		labw = lw > labw ? lw : labw;
		for (k = 0; k < ch->nseries; k++)
			if (ch->have[r][k]) {
				maxv = ch->v[r][k] > maxv ? ch->v[r][k] : maxv;
				minv = ch->v[r][k] < minv ? ch->v[r][k] : minv;
				fmt_num(ch->v[r][k], buf, sizeof(buf));
				t = width_of(L, FONT_REGULAR, CH_SMALL_PT, buf);
				valw = t > valw ? t : valw;
			}
	}
	labw = labw + 1 > w * LABEL_MAX ? w * LABEL_MAX : labw + 1;
	/* the axis runs from 0, or from below the least value when some
	 * are negative (a bar then goes left from the zero line) */
	step = nice_step(maxv - minv, 4);
	axmax = step * ceil(maxv / step - 1e-9);
	axmin = step * floor(minv / step + 1e-9);
	if (axmax <= axmin)
		axmax = axmin + step;
	x0 = x + labw + LABEL_GAP;
	x1 = x + w - valw - 4;
	zero = x0 + (x1 - x0) * -axmin / (axmax - axmin);
	y = top - legend(L, ch, x0, top, x1 - x0, draw);
	if (draw)
		value_axis(L, x0, x1, top - bars(L, ch, x, top, w, 0) +
		    axis_foot(ch), y, axmin, axmax, step);
	for (r = 0; r < ch->nrow; r++) {
		double rh = (double)ch->nseries * BAR_PT +
		    (double)(ch->nseries - 1) * BAR_GAP, ll;
		size_t nl = wrapped(L, 0, ch->label[r], x, 0, labw, CH_PT, 0,
		    LB_RIGHT);

		ll = (double)nl * lh;
		if (ll > rh)
			rh = ll;
		wrapped(L, draw, ch->label[r], x, y - (rh - ll) / 2, labw, CH_PT,
		    0, LB_RIGHT);
		for (k = 0; draw && k < ch->nseries; k++) {
			double by = y - (rh - (double)ch->nseries * BAR_PT -
			    (double)(ch->nseries - 1) * BAR_GAP) / 2 -
			    (double)(k + 1) * BAR_PT - (double)k * BAR_GAP;
			double bw = ch->have[r][k] ? (x1 - x0) * ch->v[r][k] /
			    (axmax - axmin) : 0;

			if (!ch->have[r][k]) {
				text_at(L, 1, zero + 3, by + 2, FONT_REGULAR,
				    CH_SMALL_PT, "-");
				continue;
			}
			swatch(L, bw < 0 ? zero + bw : zero, by, fabs(bw), BAR_PT, k);
			fmt_num(ch->v[r][k], buf, sizeof(buf));
			/* after the bar; a negative bar's value right of zero */
			text_at(L, 1, zero + (bw > 0 ? bw : 0) + 3, by + 2,
			    FONT_REGULAR, CH_SMALL_PT, buf);
		}
		y -= rh + ROW_GAP;
	}
	y += ROW_GAP / 2;	/* the axis */
	y -= 4 + CH_SMALL_PT;
	if (ch->unit != NULL) {
		text_at(L, draw, x0 + (x1 - x0 - width_of(L, FONT_ITALIC,
		    CH_SMALL_PT, ch->unit)) / 2, y - CH_SMALL_PT - 1, FONT_ITALIC,
		    CH_SMALL_PT, ch->unit);
		y -= CH_SMALL_PT + 3;
	}
	return top - y;
}

/* A dashed line from (ax, ay) to (bx, by): 3 pt on, 2 pt off. */
static void
dashed(struct lay *L, double ax, double ay, double bx, double by)
{
	double len = hypot(bx - ax, by - ay), s;

	for (s = 0; s < len; s += 5) {
		double e = s + 3 < len ? s + 3 : len;

		rule(L, ax + (bx - ax) * s / len, ay + (by - ay) * s / len,
		    (bx - ax) * (e - s) / len, (by - ay) * (e - s) / len, 0, 1);
	}
}

/* One panel of a trajectory: row r at (x, top), pw wide; its height. */
static double
panel(struct lay *L, const struct chart *ch, size_t r, double x, double top,
    double pw, int draw)
{
	double lh = lay_line_height(L, CH_PT, 1), lo = 0, hi = 0, step;
	double y, px0, px1, py0, py1, dx, prevx = 0, prevy = 0, tw, inset;
	int first = 1, any = 0;
	char buf[48];
	size_t k, nl;

	nl = wrapped(L, draw, ch->label[r], x, top, pw, CH_PT, RUN_BOLD, LB_LEFT);
	y = top - (double)nl * lh - 4;
	for (k = 0; k < ch->nseries; k++)
		if (ch->have[r][k]) {
			if (!any || ch->v[r][k] < lo)
				lo = ch->v[r][k];
			if (!any || ch->v[r][k] > hi)
				hi = ch->v[r][k];
			any = 1;
		}
	step = nice_step(hi - lo > 0 ? hi - lo : (hi != 0 ? fabs(hi) : 1), 3);
	lo = step * floor(lo / step - 1e-9);
	hi = step * ceil(hi / step + 1e-9);
	tw = 0;
	for (dx = lo; dx <= hi + step / 2; dx += step) {
		fmt_num(dx, buf, sizeof(buf));
		if (width_of(L, FONT_REGULAR, CH_SMALL_PT, buf) > tw)
			tw = width_of(L, FONT_REGULAR, CH_SMALL_PT, buf);
	}
	px0 = x + tw + 4;
	px1 = x + pw - 8;
	/* the first and last points stand in by half their year's label, so
	 * it clears the value scale at the left */
	inset = (ch->nseries > 0 ? width_of(L, FONT_REGULAR, CH_SMALL_PT,
	    ch->series[0]) / 2 : 0) + 3;
	py1 = y - CH_SMALL_PT;		/* room for the top value label */
	py0 = y - PANEL_PLOT;
	dx = ch->nseries > 1 ? (px1 - px0 - 2 * inset) /
	    (double)(ch->nseries - 1) : 0;
	if (draw) {
		double t;

		for (t = lo; t <= hi + step / 2; t += step) {
			double ty = py0 + (py1 - py0) * (t - lo) / (hi - lo);

			rule(L, px0, ty, px1 - px0, 0, GRID_GRAY, 0.3);
			fmt_num(t, buf, sizeof(buf));
			text_at(L, 1, px0 - 3 - width_of(L, FONT_REGULAR,
			    CH_SMALL_PT, buf), ty - 3, FONT_REGULAR, CH_SMALL_PT,
			    buf);
		}
		rule(L, px0, py0, 0, py1 - py0, 0, LINE_PT);
		rule(L, px0, py0, px1 - px0, 0, 0, LINE_PT);
	}
	/* a year is named only when its name clears the last one named */
	tw = -1e9;
	for (k = 0; draw && k < ch->nseries; k++) {
		double cx = px0 + inset + dx * (double)k, cy;
		double nw = width_of(L, FONT_REGULAR, CH_SMALL_PT, ch->series[k]);
		struct box *bx;

		if (cx - nw / 2 >= tw + 3) {
			text_at(L, 1, cx - nw / 2, py0 - 2 - CH_SMALL_PT,
			    FONT_REGULAR, CH_SMALL_PT, ch->series[k]);
			tw = cx + nw / 2;
		}
		if (!ch->have[r][k])
			continue;
		cy = py0 + (py1 - py0) * (ch->v[r][k] - lo) / (hi - lo);
		if (!first) {
			if (ch->down[r])
				dashed(L, prevx, prevy, cx, cy);
			else
				rule(L, prevx, prevy, cx - prevx, cy - prevy, 0, 1);
		}
		bx = page_add_box(lay_page(L), BOX_RECT);
		bx->x = cx - 2;
		bx->y = cy - 2;
		bx->w = bx->h = 4;
		bx->gray = ch->down[r] ? 1 : 0;
		if (ch->down[r]) {
			page_add_frame(lay_page(L), cx - 2, cy - 2, 4, 4,
			    LINE_PT);
		}
		fmt_num(ch->v[r][k], buf, sizeof(buf));
		/* values alternate above and below the line, so neighbours
		 * never touch */
		text_at(L, 1, cx - width_of(L, FONT_REGULAR, 7, buf) / 2,
		    k % 2 == 0 ? cy + 4 : cy - 4 - 7, FONT_REGULAR, 7, buf);
		prevx = cx;
		prevy = cy;
		first = 0;
	}
	return top - (py0 - 4 - CH_SMALL_PT);
}

/* The panels, two to a row (one when the text is narrow); the height. */
static double
panels(struct lay *L, const struct chart *ch, double x, double top, double w,
    int draw)
{
	int cols = w >= 300 ? 2 : 1;
	double pw = (w - (double)(cols - 1) * PANEL_GAP) / cols, y = top;
	size_t r, c;

	for (r = 0; r < ch->nrow; r += (size_t)cols) {
		double rowh = 0, h;

		for (c = 0; c < (size_t)cols && r + c < ch->nrow; c++) {
			/* measured first: the taller title sets the row */
			h = panel(L, ch, r + c, 0, 0, pw, 0);
			rowh = h > rowh ? h : rowh;
		}
		for (c = 0; draw && c < (size_t)cols && r + c < ch->nrow; c++)
			panel(L, ch, r + c, x + (double)c * (pw + PANEL_GAP), y,
			    pw, 1);
		y -= rowh + (r + (size_t)cols < ch->nrow ? PANEL_GAP / 2 : 0);
	}
	if (ch->unit != NULL) {
		text_at(L, draw, x, y - CH_SMALL_PT - 2, FONT_ITALIC, CH_SMALL_PT,
		    ch->unit);
		y -= CH_SMALL_PT + 4;
	}
	return top - y;
}

static double
chart_run(struct lay *L, const struct block *b, double x, double top,
    double w, int draw)
{
	struct chart *ch = xcalloc(1, sizeof(*ch));
	double h = 0;

	if (chart_read(L, b, ch, !draw))
		h = ch->garis ? panels(L, ch, x, top, w, draw) :
		    bars(L, ch, x, top, w, draw);
	chart_free(ch);
	free(ch);
	return h;
}

double
layout_chart_height(struct lay *L, const struct block *b, double w)
{
	return chart_run(L, b, 0, 0, w, 0);
}

void
layout_chart_draw(struct lay *L, const struct block *b, double x, double top,
    double w, double h)
{
	(void)h;
	chart_run(L, b, x, top, w, 1);
}

/*
 * The chart's data as a grid, for the Word back end (docx.c), which sets a
 * chart as its data table: row 0 the unit (or "") and the series, then one
 * row per `nilai` line, its label and its values as the chart prints them.
 */
int
layout_chart_cells(const struct block *b, char ***cells, size_t *nrow,
    size_t *ncol)
{
	struct chart *ch = xcalloc(1, sizeof(*ch));
	size_t r, k, nc;
	char **c = NULL, num[64];
	int ok = chart_read(NULL, b, ch, 0);

	*nrow = *ncol = 0;
	if (ok) {
		nc = ch->nseries + 1;
		c = xcalloc((ch->nrow + 1) * nc, sizeof(*c));
		c[0] = xstrdup(ch->unit != NULL ? ch->unit : "");
		for (k = 0; k < ch->nseries; k++)
			c[1 + k] = xstrdup(ch->series[k]);
		if (ch->nseries == 1 && *ch->series[0] == '\0') {
			/* one unnamed series: the unit heads its column */
			free(c[1]);
			c[1] = c[0];
			c[0] = xstrdup("");
		}
		for (r = 0; r < ch->nrow; r++) {
			c[(r + 1) * nc] = xstrdup(ch->label[r]);
			for (k = 0; k < ch->nseries; k++) {
				if (ch->have[r][k])
					fmt_num(ch->v[r][k], num, sizeof(num));
				else
					strcpy(num, "-");
				c[(r + 1) * nc + 1 + k] = xstrdup(num);
			}
		}
		*nrow = ch->nrow + 1;
		*ncol = nc;
	}
	*cells = c;
	chart_free(ch);
	free(ch);
	return ok;
}
