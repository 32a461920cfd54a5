/*
 * rencana: the speed floor (issue 5).  libharu alone writes N A4 pages of
 * body text with the fonts rencana embeds in its documents (Liberation Sans
 * regular, bold and italic, WinAnsi, compressed), with no YAML, templates
 * or layout; `rencana build` cannot be faster than this, so its time over
 * this one is what our stages cost.  `make bench` (bench/run.sh) runs it
 * with the page count of each rencana document it compares.
 *
 *   make bench-floor && build/bench-floor [PAGES [FONTDIR [OUT.pdf]]]
 *
 * Prints pages, seconds and bytes on one line.  Not part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

/* Lines per page: 12 pt type at 1.5 spacing on A4 with 2.5 cm margins. */
#define LINES	40

static int failed;

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	if (!failed)
		fprintf(stderr, "bench-floor: libharu error 0x%04X (detail %u)\n",
		    (unsigned)code, (unsigned)detail);
	failed = 1;
}

static HPDF_Font
font(HPDF_Doc pdf, const char *dir, const char *file)
{
	char path[4096];
	const char *name;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE)) == NULL)
		return NULL;
	return HPDF_GetFont(pdf, name, "WinAnsiEncoding");
}

int
main(int argc, char **argv)
{
	static const char line[] = "Pemerintah daerah menyusun rencana "
	    "pembangunan jangka menengah dengan \x93partisipasi\x94 masyarakat "
	    "\x97 caf\xe9.";
	long pages = argc > 1 ? strtol(argv[1], NULL, 10) : 100;
	const char *dir = argc > 2 ? argv[2] : "fonts";
	const char *out = argc > 3 ? argv[3] : "build/bench-floor.pdf";
	struct timespec t0, t1;
	HPDF_Doc pdf;
	HPDF_Font reg, bold, ital;
	HPDF_Page pg;
	FILE *f;
	long p, i, size = 0;
	char head[64];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pdf = HPDF_New(on_error, NULL)) == NULL)
		return 3;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	reg = font(pdf, dir, "LiberationSans-Regular.ttf");
	bold = font(pdf, dir, "LiberationSans-Bold.ttf");
	ital = font(pdf, dir, "LiberationSans-Italic.ttf");
	for (p = 0; p < pages && !failed && reg && bold && ital; p++) {
		pg = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(pg, 595.276f);
		HPDF_Page_SetHeight(pg, 841.89f);
		HPDF_Page_BeginText(pg);
		HPDF_Page_SetFontAndSize(pg, bold, 14);
		snprintf(head, sizeof(head), "BAB %ld", p + 1);
		HPDF_Page_SetTextMatrix(pg, 1, 0, 0, 1, 85, 770);
		HPDF_Page_ShowText(pg, head);
		HPDF_Page_SetFontAndSize(pg, reg, 12);
		for (i = 0; i < LINES; i++) {
			/* The last line of each page in italic, as a caption. */
			if (i == LINES - 1)
				HPDF_Page_SetFontAndSize(pg, ital, 12);
			HPDF_Page_SetWordSpace(pg, (HPDF_REAL)(i % 5) * 0.5f);
			HPDF_Page_SetTextMatrix(pg, 1, 0, 0, 1, 85,
			    (HPDF_REAL)(740 - i * 17.25));
			HPDF_Page_ShowText(pg, line);
		}
		HPDF_Page_EndText(pg);
	}
	if (!failed && reg && bold && ital)
		HPDF_SaveToFile(pdf, out);
	HPDF_Free(pdf);
	if (failed || reg == NULL || bold == NULL || ital == NULL)
		return 3;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((f = fopen(out, "rb")) != NULL) {
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fclose(f);
	}
	printf("pages %ld seconds %.3f bytes %ld\n", pages,
	    (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
	    size);
	return 0;
}
