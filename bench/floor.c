/*
 * rencana: the speed floor (issue 5).  libharu alone writes the very pages
 * of a rencana document: it reads the page dump that `rencana build --to
 * pages` prints (every text run with its font, size, position and word
 * spacing, every rule, rectangle, link and bookmark, placed by rencana's
 * layout) and draws it with the plain libharu calls, with the fonts rencana
 * embeds (Liberation Sans, WinAnsi, compressed).  No YAML, templates or
 * layout: what is left is what libharu needs to write those pages, so
 * rencana's time over this one is what our stages cost.  `make bench`
 * (bench/run.sh) makes the dump once, outside the timed runs.
 *
 *   make bench-floor && build/bench-floor PAGES.txt [FONTDIR [OUT.pdf]]
 *
 * Images in the dump are drawn as the rectangle they occupy (the bench
 * plans have none).  Prints pages and bytes on one line.  Not part of
 * `make check`.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#define NFONT	4

static const char *const font_tag[NFONT] = { "R", "B", "I", "BI" };
static const char *const font_file[NFONT] = {
	"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
	"LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"
};

/* Code points of WinAnsi bytes 0x80..0x9F. */
static const unsigned short high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

static int failed;

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	(void)user;
	if (!failed)
		fprintf(stderr, "bench-floor: libharu error 0x%04X (detail %u)\n",
		    (unsigned)code, (unsigned)detail);
	failed = 1;
}

/* UTF-8 between the bars of a dump line to WinAnsi bytes, in place. */
static void
winansi(char *s)
{
	unsigned char *p = (unsigned char *)s, *o = p;
	unsigned long cp;
	int i, n;

	while (*p) {
		if (*p < 0x80) {
			*o++ = *p++;
			continue;
		}
		n = *p >= 0xE0 ? 3 : 2;
		cp = *p & (n == 3 ? 0x0F : 0x1F);
		for (i = 1; i < n && p[i]; i++)
			cp = cp << 6 | (p[i] & 0x3F);
		p += i;
		if (cp >= 0xA0 && cp <= 0xFF) {
			*o++ = (unsigned char)cp;
			continue;
		}
		for (i = 0; i < 32; i++)
			if (high[i] == cp)
				break;
		*o++ = i < 32 ? (unsigned char)(0x80 + i) : '?';
	}
	*o = '\0';
}

/* The text between the first and the last '|' of a line, or NULL. */
static char *
bars(char *line)
{
	char *a = strchr(line, '|'), *b = strrchr(line, '|');

	if (a == NULL || b == a)
		return NULL;
	*b = '\0';
	return a + 1;
}

/* A number of the dump ("-12.5"): strtod costs the floor a twentieth of
 * its time. */
static double
num(char *p, char **end)
{
	double v = 0, scale = 1;
	int neg = 0;

	while (*p == ' ')
		p++;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (*p++ - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++) {
			scale /= 10;
			v += (*p - '0') * scale;
		}
	if (end != NULL)
		*end = p;
	return neg ? -v : v;
}

int
main(int argc, char **argv)
{
	const char *in = argc > 1 ? argv[1] : "build/bench/p100.pages";
	const char *dir = argc > 2 ? argv[2] : "fonts";
	const char *out = argc > 3 ? argv[3] : "build/bench-floor.pdf";
	HPDF_Font font[NFONT] = { NULL };
	HPDF_Page *page = NULL, pg = NULL;
	HPDF_Outline parent[4] = { NULL };
	HPDF_ExtGState gs = NULL;
	HPDF_Encoder utf8;
	HPDF_Doc pdf;
	FILE *f;
	char line[65536], path[4096], tag[8], *t, *s;
	double x, y, w, h, size, ws, gray, alpha, angle, lw, dy;
	double pw = 595.276, ph = 841.89;
	long npage = 0, body = 0, cur = -1, size_b = 0, i, dp, lv;
	int k, in_text = 0, cur_font = -1;
	double cur_size = -1, cur_ws = 0;

	if ((f = fopen(in, "r")) == NULL) {
		perror(in);
		return 3;
	}
	if ((pdf = HPDF_New(on_error, NULL)) == NULL)
		return 3;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	utf8 = HPDF_GetEncoder(pdf, "UTF-8");
	while (!failed && fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == 'p' && sscanf(line,
		    "paper %lf %lf pages %ld body_start %ld",
		    &pw, &ph, &npage, &body) == 4) {
			/* Links point forward: make every page first. */
			page = calloc((size_t)npage + 1, sizeof(*page));
			for (i = 0; i < npage && !failed; i++) {
				page[i] = HPDF_AddPage(pdf);
				HPDF_Page_SetWidth(page[i], (HPDF_REAL)pw);
				HPDF_Page_SetHeight(page[i], (HPDF_REAL)ph);
			}
			continue;
		}
		if (page == NULL)
			continue;
		if (strncmp(line, "page ", 5) == 0 &&
		    (i = strtol(line + 5, NULL, 10)) >= 1 && i <= npage) {
			if (in_text)
				HPDF_Page_EndText(pg);
			in_text = 0;
			cur_font = -1;
			cur_ws = 0;
			cur = i - 1;
			pg = page[cur];
			continue;
		}
		if (strncmp(line, "  text ", 7) == 0 && pg != NULL) {
			/* Most lines: parsed by hand, sscanf would cost the
			 * floor a tenth of its time. */
			gray = 0, alpha = 1, angle = 0, ws = 0;
			if ((t = bars(line)) == NULL)
				continue;
			x = num(line + 7, &s);
			y = num(s, &s);
			while (*s == ' ')
				s++;
			for (k = 0; k < 7 && s[k] != ' ' && s[k] != '\0'; k++)
				tag[k] = s[k];
			tag[k] = '\0';
			size = num(s + k, NULL);
			t[-1] = '\0';	/* the options end at the text */
			if ((s = strstr(line, " ws ")) != NULL)
				ws = num(s + 4, NULL);
			if ((s = strstr(line, " gray ")) != NULL)
				sscanf(s, " gray %lf alpha %lf angle %lf",
				    &gray, &alpha, &angle);
			winansi(t);
			for (k = 0; k < NFONT; k++)
				if (strcmp(tag, font_tag[k]) == 0)
					break;
			if (k == NFONT)
				continue;
			if (font[k] == NULL) {
				const char *name;

				snprintf(path, sizeof(path), "%s/%s", dir,
				    font_file[k]);
				name = HPDF_LoadTTFontFromFile(pdf, path,
				    HPDF_TRUE);
				if (name == NULL)
					break;
				font[k] = HPDF_GetFont(pdf, name,
				    "WinAnsiEncoding");
			}
			if (alpha < 1) {
				if (in_text)
					HPDF_Page_EndText(pg);
				in_text = 0;
				if (gs == NULL) {
					gs = HPDF_CreateExtGState(pdf);
					HPDF_ExtGState_SetAlphaFill(gs,
					    (HPDF_REAL)alpha);
				}
				HPDF_Page_GSave(pg);
				HPDF_Page_SetExtGState(pg, gs);
			}
			if (!in_text)
				HPDF_Page_BeginText(pg);
			in_text = 1;
			if (k != cur_font || size != cur_size || alpha < 1) {
				HPDF_Page_SetFontAndSize(pg, font[k],
				    (HPDF_REAL)size);
				cur_font = k;
				cur_size = size;
			}
			if (ws != cur_ws || alpha < 1) {
				HPDF_Page_SetWordSpace(pg, (HPDF_REAL)ws);
				cur_ws = ws;
			}
			if (gray != 0 || alpha < 1)
				HPDF_Page_SetGrayFill(pg, (HPDF_REAL)gray);
			if (angle != 0) {
				double r = angle * 3.14159265358979 / 180;

				HPDF_Page_SetTextMatrix(pg, (HPDF_REAL)cos(r),
				    (HPDF_REAL)sin(r), (HPDF_REAL)-sin(r),
				    (HPDF_REAL)cos(r), (HPDF_REAL)x,
				    (HPDF_REAL)y);
			} else
				HPDF_Page_SetTextMatrix(pg, 1, 0, 0, 1,
				    (HPDF_REAL)x, (HPDF_REAL)y);
			HPDF_Page_ShowText(pg, t);
			if (gray != 0 || alpha < 1)
				HPDF_Page_SetGrayFill(pg, 0);
			if (alpha < 1) {
				HPDF_Page_EndText(pg);
				in_text = 0;
				HPDF_Page_GRestore(pg);
				cur_font = -1;
			}
			continue;
		}
		if (pg != NULL && in_text && line[0] == ' ') {
			HPDF_Page_EndText(pg);
			in_text = 0;
		}
		if (sscanf(line, "  rule %lf %lf %lf %lf lw %lf", &x, &y, &w,
		    &h, &lw) == 5 && pg != NULL) {
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)lw);
			HPDF_Page_MoveTo(pg, (HPDF_REAL)x, (HPDF_REAL)y);
			HPDF_Page_LineTo(pg, (HPDF_REAL)(x + w),
			    (HPDF_REAL)(y + h));
			HPDF_Page_Stroke(pg);
		} else if ((sscanf(line, "  rect %lf %lf %lf %lf gray %lf", &x,
		    &y, &w, &h, &gray) == 5 || (gray = 0.5, sscanf(line,
		    "  image %lf %lf %lf %lf", &x, &y, &w, &h) == 4)) &&
		    pg != NULL) {
			HPDF_Page_SetGrayFill(pg, (HPDF_REAL)gray);
			HPDF_Page_Rectangle(pg, (HPDF_REAL)x, (HPDF_REAL)y,
			    (HPDF_REAL)w, (HPDF_REAL)h);
			HPDF_Page_Fill(pg);
			HPDF_Page_SetGrayFill(pg, 0);
		} else if (sscanf(line, "  link %lf %lf %lf %lf -> page %ld y %lf",
		    &x, &y, &w, &h, &dp, &dy) == 6 && pg != NULL &&
		    dp >= 1 && dp <= npage) {
			HPDF_Rect r = { (HPDF_REAL)x, (HPDF_REAL)y,
			    (HPDF_REAL)(x + w), (HPDF_REAL)(y + h) };
			HPDF_Destination d = HPDF_Page_CreateDestination(
			    page[dp - 1]);
			HPDF_Annotation a;

			HPDF_Destination_SetFitH(d, (HPDF_REAL)dy);
			a = HPDF_Page_CreateLinkAnnot(pg, r, d);
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		} else if (sscanf(line, "outline %ld page %ld y %lf", &lv, &dp,
		    &dy) == 3 && dp >= 1 && dp <= npage &&
		    (t = bars(line)) != NULL) {
			HPDF_Outline o;
			HPDF_Destination d;

			lv = lv < 1 ? 1 : lv > 3 ? 3 : lv;
			o = HPDF_CreateOutline(pdf, lv > 1 ? parent[lv - 1] :
			    NULL, t, utf8);
			parent[lv] = o;
			d = HPDF_Page_CreateDestination(page[dp - 1]);
			HPDF_Destination_SetFitH(d, (HPDF_REAL)dy);
			HPDF_Outline_SetDestination(o, d);
		}
	}
	if (pg != NULL && in_text)
		HPDF_Page_EndText(pg);
	fclose(f);
	if (!failed && page != NULL) {
		if (body > 0)
			HPDF_AddPageLabel(pdf, 0,
			    HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, "");
		if (body < npage)
			HPDF_AddPageLabel(pdf, (HPDF_UINT)body,
			    HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
		HPDF_SaveToFile(pdf, out);
	}
	HPDF_Free(pdf);
	free(page);
	if (failed || npage == 0) {
		if (npage == 0)
			fprintf(stderr, "bench-floor: %s: no pages\n", in);
		return 3;
	}
	if ((f = fopen(out, "rb")) != NULL) {
		fseek(f, 0, SEEK_END);
		size_b = ftell(f);
		fclose(f);
	}
	printf("pages %ld bytes %ld\n", npage, size_b);
	return 0;
}
