/*
 * rencana: command line.  Parses options, runs the stages in order and turns
 * what happened into an exit status:
 *   0 success (warnings allowed), 1 invalid input, 2 usage error,
 *   3 I/O or internal failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blocks.h"
#include "diag.h"
#include "dump.h"
#include "layout.h"
#include "page.h"
#include "plan.h"
#include "style.h"

#define EXIT_INVALID	1
#define EXIT_USAGE	2
#define EXIT_IO		3

static const char usage_text[] =
"usage: rencana COMMAND [OPTION...] [ARG...]\n"
"\n"
"Turns a YAML plan (format rencana/1) into an official-looking PDF.\n"
"\n"
"Commands:\n"
"  check FILE...            validate plans; print every problem found\n"
"\n"
"Options of check:\n"
"  --format=text|json|github  how to print diagnostics (default text)\n"
"\n"
"Developer commands:\n"
"  layout-dump [--blocks] [--no-hyph] FILE.md\n"
"                           lay out a Markdown file (default style, fake\n"
"                           metrics: every glyph 1/2 em) and print the boxes\n"
"                           (--blocks: print the block tree instead)\n"
"\n"
"General options:\n"
"  -h, --help               print this help and exit\n"
"  -V, --version            print the version and exit\n"
"\n"
"Diagnostics are printed as FILE:LINE:COL: error: PATH: message.\n"
"Colour is used only on a terminal, and never when NO_COLOR is set.\n"
"\n"
"Exit status: 0 valid (warnings allowed), 1 invalid input,\n"
"2 usage error, 3 I/O or internal failure.\n";

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("rencana: error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry `rencana --help`.\n", stderr);
	return EXIT_USAGE;
}

static int
want_colour(FILE *f)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return 0;
	return isatty(fileno(f));
}

/* Exit status from what was reported: I/O beats invalid input. */
static int
status_of(const struct diag_list *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		if (dl->v[i].code == D_IO_OPEN || dl->v[i].code == D_IO_WRITE)
			return EXIT_IO;
	return dl->nerror ? EXIT_INVALID : 0;
}

static int
parse_format(const char *s, enum diag_format *fmt)
{
	if (strcmp(s, "text") == 0)
		*fmt = DIAG_FMT_TEXT;
	else if (strcmp(s, "json") == 0)
		*fmt = DIAG_FMT_JSON;
	else if (strcmp(s, "github") == 0)
		*fmt = DIAG_FMT_GITHUB;
	else
		return -1;
	return 0;
}

static int
cmd_check(int argc, char **argv)
{
	enum diag_format fmt = DIAG_FMT_TEXT;
	struct diag_list dl;
	int i, nfiles = 0, rc;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (strncmp(a, "--format=", 9) == 0) {
			if (parse_format(a + 9, &fmt) != 0)
				return usage_error("unknown format `%s`; use text, json or github", a + 9);
		} else if (strcmp(a, "--format") == 0) {
			if (i + 1 >= argc)
				return usage_error("%s needs a value", a);
			if (parse_format(argv[++i], &fmt) != 0)
				return usage_error("unknown format `%s`; use text, json or github", argv[i]);
		} else if (strcmp(a, "--") == 0) {
			nfiles += argc - i - 1;
			break;
		} else if (a[0] == '-' && a[1] != '\0')
			return usage_error("unknown option `%s` for check", a);
		else
			nfiles++;
	}
	if (nfiles == 0)
		return usage_error("%s", "check needs at least one FILE");

	diag_init(&dl);
	for (i = 0; i < argc; i++) {
		struct plan *pl;

		if (strcmp(argv[i], "--format") == 0) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i], "--") != 0)
			continue;
		if (strcmp(argv[i], "--") == 0)
			continue;
		pl = plan_load_file(argv[i], &dl);
		plan_free(pl);
	}
	diag_print(&dl, fmt == DIAG_FMT_TEXT ? stderr : stdout, fmt,
	    fmt == DIAG_FMT_TEXT && want_colour(stderr));
	rc = status_of(&dl);
	diag_free(&dl);
	return rc;
}

/* Developer command: Markdown -> block tree or pages, as a text dump. */
static int
cmd_layout_dump(int argc, char **argv)
{
	const char *file = NULL;
	int blocks_only = 0, hyph = 1, i, rc;
	struct diag_list dl;
	struct style st;
	struct metrics m;
	struct block *doc;
	struct doc_pages *pages;
	char *text = NULL, *dir, *slash;
	size_t len = 0, cap = 0, n;
	FILE *f;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--blocks") == 0)
			blocks_only = 1;
		else if (strcmp(argv[i], "--no-hyph") == 0)
			hyph = 0;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage_error("unknown option `%s` for layout-dump", argv[i]);
		else if (file == NULL)
			file = argv[i];
		else
			return usage_error("%s", "layout-dump takes one FILE");
	}
	if (file == NULL)
		return usage_error("%s", "layout-dump needs a FILE");
	if ((f = fopen(file, "rb")) == NULL) {
		fprintf(stderr, "rencana: error: cannot open `%s`\n", file);
		return EXIT_IO;
	}
	for (;;) {
		if (len + 4096 > cap) {
			cap = 2 * cap + 4096;
			text = realloc(text, cap);
			if (text == NULL)
				abort();
		}
		n = fread(text + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	fclose(f);
	diag_init(&dl);
	style_default(&st);
	st.hyphenate = hyph;
	metrics_fake(&m, 500);
	doc = blocks_from_markdown(text, len, file, st.caption_word, &dl);
	if (blocks_only)
		dump_blocks(stdout, doc);
	else {
		dir = strdup(file);
		slash = dir != NULL ? strrchr(dir, '/') : NULL;
		if (slash != NULL)
			*slash = '\0';
		pages = layout_run(doc, &st, &m, slash != NULL ? dir : ".", &dl);
		dump_pages(stdout, pages);
		doc_pages_free(pages);
		free(dir);
	}
	diag_print(&dl, stderr, DIAG_FMT_TEXT, 0);
	rc = status_of(&dl);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
	free(text);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("rencana %s\n", RENCANA_VERSION);
		return 0;
	}
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 2, argv + 2);
	if (strcmp(cmd, "layout-dump") == 0)
		return cmd_layout_dump(argc - 2, argv + 2);
	return usage_error("unknown command `%s`", cmd);
}
