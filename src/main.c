/*
 * rencana: command line.  Parses options, runs the stages in order and turns
 * what happened into an exit status:
 *   0 success (warnings allowed), 1 invalid input, 2 usage error,
 *   3 I/O or internal failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "buf.h"
#include "diag.h"
#include "plan.h"

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
"  build PLAN               write the document (default PLAN with .pdf)\n"
"\n"
"Options of check:\n"
"  --format=text|json|github  how to print diagnostics (default text)\n"
"\n"
"Options of build:\n"
"  --to pdf|markdown        output kind (default pdf); markdown is the\n"
"                           expanded template, default PLAN with .md\n"
"  -o FILE                  output file; `-` writes to standard output\n"
"  --template DIR           use the template folder DIR\n"
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

/* PLAN with its .yaml/.yml replaced by ext (or ext appended). */
static char *
default_output(const char *plan, const char *ext)
{
	size_t n = strlen(plan);
	char *r;

	if (n > 5 && strcmp(plan + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(plan + n - 4, ".yml") == 0)
		n -= 4;
	r = malloc(n + strlen(ext) + 1);
	if (r == NULL) {
		fputs("rencana: error: out of memory\n", stderr);
		exit(EXIT_IO);
	}
	memcpy(r, plan, n);
	strcpy(r + n, ext);
	return r;
}

/* Writes out to path through a temporary file beside it, renamed only
 * when everything was written; "-" is standard output. */
static int
write_output(const char *path, const struct buf *out, struct diag_list *dl)
{
	char *tmp;
	FILE *f;
	int fd, ok;

	if (strcmp(path, "-") == 0) {
		if (fwrite(buf_str(out), 1, out->len, stdout) != out->len ||
		    fflush(stdout) != 0) {
			diag_add(dl, D_IO_WRITE, NULL, NULL,
			    "cannot write to standard output");
			return -1;
		}
		return 0;
	}
	tmp = malloc(strlen(path) + 16);
	if (tmp == NULL) {
		fputs("rencana: error: out of memory\n", stderr);
		exit(EXIT_IO);
	}
	sprintf(tmp, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "wb")) == NULL) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
		    path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return -1;
	}
	ok = fwrite(buf_str(out), 1, out->len, f) == out->len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
		    path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* Takes the value of an option given as `--opt VALUE` or `--opt=VALUE`. */
static int
opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*val = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*val = argv[++*i];
	return 1;
}

static int
cmd_build(int argc, char **argv)
{
	const char *plan_path = NULL, *outp = NULL, *tdir = NULL, *to = "pdf";
	enum build_to target;
	struct diag_list dl;
	struct buf out = BUF_INIT;
	struct plan *pl = NULL;
	char *defout = NULL;
	int i, r, rc;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if ((r = opt_value(argc, argv, &i, "--to", &to)) != 0 ||
		    (r = opt_value(argc, argv, &i, "--template", &tdir)) != 0 ||
		    (r = opt_value(argc, argv, &i, "-o", &outp)) != 0) {
			if (r < 0)
				return usage_error("%s needs a value", a);
		} else if (a[0] == '-' && a[1] != '\0')
			return usage_error("unknown option `%s` for build", a);
		else if (plan_path != NULL)
			return usage_error("%s", "build takes one PLAN");
		else
			plan_path = a;
	}
	if (plan_path == NULL)
		return usage_error("%s", "build needs a PLAN");
	if (strcmp(to, "markdown") == 0)
		target = BUILD_MARKDOWN;
	else if (strcmp(to, "pdf") == 0)
		target = BUILD_PDF;
	else
		return usage_error("unknown output kind `%s`; use pdf or markdown", to);
	if (outp == NULL)
		outp = defout = default_output(plan_path,
		    target == BUILD_MARKDOWN ? ".md" : ".pdf");

	diag_init(&dl);
	pl = plan_load_file(plan_path, &dl);
	/* Any error so far (loading or validation) means nothing is written. */
	if (pl != NULL && pl->root != NULL && dl.nerror == 0 &&
	    build_document(target, pl, tdir, &out, &dl) == 0 && dl.nerror == 0)
		write_output(outp, &out, &dl);
	diag_print(&dl, stderr, DIAG_FMT_TEXT, want_colour(stderr));
	rc = status_of(&dl);
	diag_free(&dl);
	plan_free(pl);
	buf_free(&out);
	free(defout);
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
	if (strcmp(cmd, "build") == 0)
		return cmd_build(argc - 2, argv + 2);
	return usage_error("unknown command `%s`", cmd);
}
