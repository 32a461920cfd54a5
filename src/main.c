/*
 * rencana: command line.  Parses options, runs the stages in order and turns
 * what happened into an exit status:
 *   0 success (warnings allowed), 1 invalid input, 2 usage error,
 *   3 I/O or internal failure.
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include <sys/stat.h>

#include <dirent.h>

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdarg.h>
#include <time.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blocks.h"
#include "batch.h"
#include "build.h"
#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "docx.h"
#include "dump.h"
#include "folder.h"
#include "layout.h"
#include "layout_hyph.h"
#include "number.h"
#include "output.h"
#include "page.h"
#include "paths.h"
#include "pdf.h"
#include "plan.h"
#include "qr.h"
#include "schema.h"
#include "style.h"
#include "template.h"
#include "validate.h"
#include "winansi.h"
#include "xalloc.h"
#include "zipout.h"

#define EXIT_INVALID	1
#define EXIT_USAGE	2
#define EXIT_IO		3

/* ---- help texts: `rencana --help`, `rencana help CMD`, `CMD --help` ---- */

static const char usage_text[] = N_(
"usage: rencana [OPTION...] COMMAND [OPTION...] [ARG...]\n"
"\n"
"Turns a YAML plan (format rencana/1) into an official-looking PDF.\n"
"\n"
"Commands:\n"
"  check FILE...            validate plans; print every problem found\n"
"  build PLAN...            typeset plans into PDF (or Word, Markdown, page dumps)\n"
"  init                     print a starter plan\n"
"  schema                   print the JSON Schema of rencana/1 (for editors)\n"
"  expand TEMPLATE          expand a Mustache template with any YAML data\n"
"  template copy KIND DIR   write a template and its base out as one folder to edit\n"
"  template list            list the templates that can be chosen by name\n"
"  hyphenate WORD...        print each word with its hyphenation points\n"
"  layout-dump FILE.md      developer: lay out a Markdown file, print the boxes\n"
"  explain [CODE]           explain a diagnostic code, or list them all\n"
"  help [COMMAND]           print this help, or a command's\n"
"\n"
"`rencana help COMMAND` or `rencana COMMAND --help` tells a command's options.\n"
"\n"
"%s"
"\n"
"Environment:\n"
"  SOURCE_DATE_EPOCH        the PDF's dates (else dokumen.tanggal; never the clock)\n"
"  RENCANA_TEMPLATES        a folder searched first for template names\n"
"  RENCANA_FONTS            the folder of the fonts (default fonts/ beside the\n"
"                           program, else Debian's fonts-liberation2 folder)\n"
"  NO_COLOR, TERM=dumb      no colour in diagnostics (unless --color=always)\n"
"  RENCANA_LANG             the language (id or en) unless --lang is given;\n"
"                           else LANGUAGE, LC_ALL, LC_MESSAGES or LANG: a\n"
"                           value starting with `id` means Indonesian\n"
"\n"
"Diagnostics are printed as FILE:LINE:COL: error[CODE]: PATH: message, maybe\n"
"followed by a `help:` line; `rencana explain CODE` tells more.\n"
"Exit status: 0 success (warnings allowed), 1 invalid input,\n"
"2 usage error, 3 I/O or internal failure.\n");

static const char common_text[] = N_(
"Options of every command (also before the command):\n"
"  -q, --quiet              print errors only: no warnings, progress or summary\n"
"  -v, --verbose            also name each output written, and print the\n"
"                           summary line after a single plan too\n"
"      --color=WHEN         colour in diagnostics: auto (default: only on a\n"
"                           terminal, never with NO_COLOR or TERM=dumb),\n"
"                           always or never\n"
"      --lang=LANG          the language of messages and help: id (Bahasa\n"
"                           Indonesia) or en (English, the default)\n"
"  -h, --help               print the help and exit\n"
"  -V, --version            print the versions of rencana and its libraries\n");

static const char check_help[] = N_(
"usage: rencana check [OPTION...] FILE...\n"
"\n"
"Validates plans and prints every problem found, sorted by position, as\n"
"FILE:LINE:COL: error[CODE]: PATH: message (`rencana explain CODE` tells\n"
"more).  - reads standard input (<stdin>).\n"
"\n"
"  -f, --format=FORMAT      text (default, on standard error), json or github\n"
"                           (on standard output; github: Actions annotations)\n"
"  -T, --template=DIR       the template folder, as for build\n"
"      --allow-dir=DIR      a folder files a plan names may also come from,\n"
"                           as for build\n"
"\n"
"A plan without errors then goes through every stage of `build` short of\n"
"writing the PDF (template, Markdown, layout, fonts, images), so a plan that\n"
"check accepts builds.\n");

static const char build_help[] = N_(
"usage: rencana build [OPTION...] PLAN...\n"
"\n"
"Typesets plans.  Each plan is validated first; any error and nothing is\n"
"written.  An output is replaced only when it is complete.\n"
"\n"
"  -t, --to=KIND            pdf (default), docx (a Word document to keep\n"
"                           editing, PLAN.docx), markdown (the expanded\n"
"                           template, PLAN.md) or pages (the laid-out pages as\n"
"                           text with real font metrics, PLAN.pages)\n"
"  -o, --output=FILE        the output of a single PLAN; - is standard output\n"
"  -d, --dir=DIR            write each output into DIR as NAME.pdf (.docx, .md,\n"
"                           .pages)\n"
"  -T, --template=DIR       the template folder (else dokumen.templat, else the\n"
"                           template named by dokumen.jenis, looked up in\n"
"                           $RENCANA_TEMPLATES, PROGRAM/../share/rencana/templates,\n"
"                           PROGRAM/templates, DATADIR/rencana/templates and\n"
"                           ./templates)\n"
"  -j, --jobs=N             build N plans at once, on N threads (1-64, default 1);\n"
"                           fewer when their memory (about 16 MiB + 110 times\n"
"                           the largest plan's size each) would pass 1 GiB\n"
"      --allow-dir=DIR      files a plan names (the cover logo) may also come\n"
"                           from DIR, not only from the plan's own folder\n"
"                           (may be given up to 16 times)\n"
"\n"
"Files a plan names must stay inside its folder, and files a template names\n"
"inside the template folder (after resolving links); only regular files are\n"
"read.\n"
"\n"
"After several plans, one line on standard error says how many outputs were\n"
"written, how many plans failed and how long it took.\n");

static const char init_help[] = N_(
"usage: rencana init [OPTION...]\n"
"\n"
"Prints a commented starter plan that passes `rencana check`.  Its first line\n"
"tells YAML editors where the JSON Schema is (docs/editor.md).\n"
"\n"
"      --jenis=JENIS        rencana-pengembangan (default), sistem-pembinaan or\n"
"                           strategi-kompetensi\n"
"      --schema=PATH        the schema the first line names (default: the\n"
"                           installed rencana.schema.json, as an absolute path)\n");

static const char schema_help[] = N_(
"usage: rencana schema [OPTION...]\n"
"\n"
"Prints the JSON Schema (draft-07) of format rencana/1, made from the\n"
"validator's own tables, for completion and checks in editors.\n"
"\n"
"      --markdown           print the table of fields of docs/format.md instead\n");

static const char expand_help[] = N_(
"usage: rencana expand [OPTION...] TEMPLATE --data FILE.yaml\n"
"\n"
"Expands a Mustache template with any YAML data (Mustache spec mode: missing\n"
"names are empty).\n"
"\n"
"      --data=FILE.yaml     the data, the root context (required)\n"
"      --partials=DIR       where {{> NAME}} reads NAME.mustache (default: the\n"
"                           template's own folder)\n"
"      --escape=MODE        how {{x}} escapes values: html (default), markdown\n"
"                           or none\n"
"  -o, --output=FILE        write FILE (replaced only on success); - or no -o:\n"
"                           standard output\n");

static const char template_help[] = N_(
"usage: rencana template [OPTION...] copy KIND DIR\n"
"       rencana template [OPTION...] list\n"
"\n"
"copy writes the template KIND (a name, looked up as for build, or a folder\n"
"with a `/`) into DIR as one stand-alone folder: every partial, the main\n"
"template, gaya.yaml and the word sets merged with those of its base, and\n"
"no templat.yaml, so nothing refers to the base.  DIR must not exist or be\n"
"empty; the copy is written beside it and renamed into place only when\n"
"complete.  Edit it and build with --template DIR or dokumen.templat.\n"
"\n"
"list prints each template that can be chosen by name (the first of each\n"
"name in look-up order) and its folder; a base such as `dasar` is not one.\n");

static const char hyphenate_help[] = N_(
"usage: rencana hyphenate [OPTION...] WORD...\n"
"\n"
"Prints each word with a hyphen at each point where layout may break it.\n"
"\n"
"  -T, --template=DIR       apply the exceptions of DIR/gaya.yaml, as layout does\n"
"  -x, --exception=WORD     an exception, written as in the style: pe-ngem-bang-an\n"
"                           (may be given many times; after the style's)\n");

static const char layout_dump_help[] = N_(
"usage: rencana layout-dump [OPTION...] FILE.md\n"
"\n"
"Developer command: lays out a Markdown file with the default style and fake\n"
"metrics (every glyph 1/2 em) and prints the boxes.\n"
"\n"
"      --blocks             print the block tree instead of the boxes\n"
"      --hyph, --no-hyph    hyphenate (default) or not\n"
"      --real               measure with the embedded fonts\n");

static const char explain_help[] = N_(
"usage: rencana explain [OPTION...] [CODE]\n"
"\n"
"Explains a diagnostic code, the name in brackets in `error[val-nip]:`: what\n"
"it means, an example of the message, and for the common ones the mistake\n"
"and its fix (the text of docs/diagnostics.md).  Without CODE, lists every\n"
"code with its level and a line on what it means.\n");

static const char help_help[] = N_(
"usage: rencana help [COMMAND]\n"
"\n"
"Prints the general help, or the help of COMMAND.\n");

/* The texts hyph_exception_error (layout_hyph.c) returns, marked here for
 * the message catalog; `rencana hyphenate -x` prints them translated. */
static const char *const hyph_why[] __attribute__((unused)) = {
	N_("a hyphen at the start or the end"),
	N_("two hyphens in a row"),
	N_("a character that is not a letter or a hyphen"),
	N_("no letters"),
	N_("longer than 64 letters"),
};

/* ---- options every command takes ---- */

enum colour_mode { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER };

static enum colour_mode colour_mode = COLOUR_AUTO;
static int quiet, verbose;

/* Long-only options get codes above any character. */
enum {
	OPT_COLOR = 256,
	OPT_MARKDOWN,
	OPT_JENIS,
	OPT_SCHEMA,
	OPT_DATA,
	OPT_PARTIALS,
	OPT_ESCAPE,
	OPT_BLOCKS,
	OPT_HYPH,
	OPT_NO_HYPH,
	OPT_REAL,
	OPT_ALLOW_DIR,
	OPT_LANG
};

#define COMMON_SHORT	"hqvV"
#define COMMON_LONG \
	{ "help", no_argument, NULL, 'h' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "color", required_argument, NULL, OPT_COLOR }, \
	{ "colour", required_argument, NULL, OPT_COLOR }, \
	{ "lang", required_argument, NULL, OPT_LANG }

/*
 * The language of messages (issue 14 part 1): `--lang id|en` anywhere on the
 * command line, else RENCANA_LANG, else the first of LANGUAGE, LC_ALL,
 * LC_MESSAGES and LANG that is set; a value starting with `id` means
 * Indonesian, anything else English.  English is the text in the source:
 * nothing is looked up.  For Indonesian the catalog rencana.mo is bound
 * from the first of PROGRAM/../share/locale (installed), PROGRAM/build/locale
 * (a checkout) and DATADIR/locale, and glibc's gettext is made to use it
 * even where no Indonesian locale is installed: LANGUAGE (set here to `id`)
 * is only ignored when the LC_MESSAGES locale is "C", so that category
 * alone is set, to the user's locale or else C.UTF-8.  LC_NUMERIC and the
 * rest stay "C": numbers in the PDF and in messages are printed the same
 * in every language.
 */
#define LANG_EN	0
#define LANG_ID	1

/* LANG_ID, LANG_EN, or -1 for anything but `id` and `en` (--lang). */
static int
lang_of(const char *v)
{
	if (strcmp(v, "id") == 0)
		return LANG_ID;
	if (strcmp(v, "en") == 0)
		return LANG_EN;
	return -1;
}

static int
lang_choose(int argc, char **argv)
{
	static const char *const vars[] = {
		"RENCANA_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"
	};
	const char *v;
	size_t k;
	int i, l = -1;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		else
			continue;
		if (lang_of(v) >= 0)
			l = lang_of(v);
	}
	if (l >= 0)
		return l;
	for (k = 0; k < sizeof(vars) / sizeof(vars[0]); k++)
		if ((v = getenv(vars[k])) != NULL && *v != '\0')
			return strncmp(v, "id", 2) == 0 ? LANG_ID : LANG_EN;
	return LANG_EN;
}

static void
lang_init(int argc, char **argv)
{
	const char *cur;
	char *dir;

	if (lang_choose(argc, argv) != LANG_ID)
		return;
	cur = setlocale(LC_MESSAGES, "");
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", "id", 1);
	dir = paths_locale_dir();
	bindtextdomain(DIAG_DOMAIN, dir);
	bind_textdomain_codeset(DIAG_DOMAIN, "UTF-8");
	free(dir);
	diag_set_translate(1);
}

/* The command being parsed, for messages and --help. */
static const char *cur_cmd;
static const char *cur_help;

/* A usage error: fmt (translated) with one string argument. */
static int
usage_error(const char *fmt, const char *arg)
{
	fputs("rencana: error: ", stderr);
	fprintf(stderr, _(fmt), arg);
	fputc('\n', stderr);
	if (cur_cmd != NULL)
		fprintf(stderr, _("Try `rencana %s --help`.\n"), cur_cmd);
	else
		fputs(_("Try `rencana --help`.\n"), stderr);
	return EXIT_USAGE;
}

/* `rencana: error: ` and the translated message, on standard error. */
static void
errorf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static void
errorf(const char *fmt, ...)
{
	va_list ap;

	fputs("rencana: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A progress or summary line: `rencana: ` and the translated message. */
static void
notef(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static void
notef(const char *fmt, ...)
{
	va_list ap;

	fputs("rencana: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
print_text(const char *text)
{
	fputs(text, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errorf("cannot write standard output: %s", strerror(errno));
		return EXIT_IO;
	}
	return 0;
}

static int
print_help(const char *help)
{
	struct buf b = BUF_INIT;
	int rc;

	if (help == NULL)
		buf_printf(&b, _(usage_text), _(common_text));
	else
		buf_printf(&b, "%s\n%s", _(help), _(common_text));
	rc = print_text(buf_str(&b));
	buf_free(&b);
	return rc;
}

static int
print_version(void)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_printf(&b, "rencana %s\n", RENCANA_VERSION);
	buf_printf(&b, "libyaml %s, PCRE2 %s, cmark-gfm %s, libharu %s, libpng %s, "
	    "libqrencode %s\n",
	    plan_lib_version(), validate_lib_version(), blocks_lib_version(),
	    pdf_lib_version(), pdf_png_version(), qr_lib_version());
	buf_printf(&b, "libxml2 %s, libzip %s\n", docx_lib_version(),
	    zipout_lib_version());
	rc = print_text(buf_str(&b));
	buf_free(&b);
	return rc;
}

/*
 * getopt_long over a command's arguments (argv[0] is the command's name).
 * Returns the next option of the command's own, or -1 at the end; the
 * common options are handled here.  *done is set to an exit status when the
 * command must stop now: a usage error, --help, --version.
 */
static int
next_opt(int argc, char **argv, const char *shortopts,
    const struct option *longopts, int *done)
{
	int c;

	for (;;) {
		c = getopt_long(argc, argv, shortopts, longopts, NULL);
		switch (c) {
		case 'h':
			*done = print_help(cur_help);
			return -1;
		case 'V':
			*done = print_version();
			return -1;
		case 'q':
			quiet = 1;
			verbose = 0;
			continue;
		case 'v':
			verbose = 1;
			quiet = 0;
			continue;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				colour_mode = COLOUR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				colour_mode = COLOUR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				colour_mode = COLOUR_NEVER;
			else {
				*done = usage_error("unknown --color `%s`; use auto, "
				    "always or never", optarg);
				return -1;
			}
			continue;
		case OPT_LANG:
			/* Chosen by lang_init before any parsing, so that
			 * every text is in it; here only checked. */
			if (lang_of(optarg) < 0) {
				*done = usage_error("unknown --lang `%s`; use id "
				    "or en", optarg);
				return -1;
			}
			continue;
		case ':':
			*done = usage_error("%s needs a value", optopt != 0 &&
			    optopt < 256 && strncmp(argv[optind - 1], "--", 2) != 0 ?
			    (char[]){ '-', (char)optopt, '\0' } : argv[optind - 1]);
			return -1;
		case '?':
			if (optopt != 0 && strncmp(argv[optind - 1], "--", 2) != 0)
				*done = usage_error("unknown option `%s`",
				    (char[]){ '-', (char)optopt, '\0' });
			else
				*done = usage_error("unknown option `%s`",
				    argv[optind - 1]);
			return -1;
		default:
			return c;
		}
	}
}

/* Starts parsing a command's arguments. */
static void
begin_opts(const char *cmd, const char *help)
{
	cur_cmd = cmd;
	cur_help = help;
	optind = 0;	/* GNU: start afresh, permuting operands to the end */
	opterr = 0;
}

static int
want_colour(FILE *f)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (colour_mode != COLOUR_AUTO)
		return colour_mode == COLOUR_ALWAYS;
	if (nc != NULL && *nc != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(f));
}

/* Prints a command's diagnostics (text on stderr), less warnings with -q. */
static void
print_diags(struct diag_list *dl, FILE *f, enum diag_format fmt)
{
	if (quiet)
		diag_drop_warnings(dl);
	diag_print(dl, f, fmt, fmt == DIAG_FMT_TEXT && want_colour(f));
}

/* Exit status from what was reported: I/O beats invalid input. */
static int
status_of(const struct diag_list *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		switch (dl->v[i].code) {
		case D_IO_OPEN:
		case D_IO_WRITE:
		case D_PDF_FONT:
		case D_PDF_INTERNAL:
			return EXIT_IO;
		default:
			break;
		}
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

/* `check -`: the plan from standard input, named `<stdin>` in messages. */
static struct plan *
load_stdin(struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	struct plan *pl = NULL;

	/* Like plan_load_file: one byte past the limit is enough to refuse. */
	if (buf_read_stream(&b, stdin, PLAN_MAX_BYTES) != 0)
		diag_add(dl, D_IO_OPEN, NULL, NULL, "cannot read standard input: %s",
		    strerror(errno));
	else
		pl = plan_load_buffer("<stdin>", buf_str(&b), b.len, dl);
	buf_free(&b);
	return pl;
}

/* --allow-dir DIR of check and build: process-wide, before any build. */
static int
allow_dir(const char *dir)
{
	if (confine_allow_dir(dir) == 0)
		return 0;
	return usage_error(errno == E2BIG ? N_("--allow-dir `%s`: at most 16 "
	    "folders") : N_("--allow-dir `%s`: not a folder"), dir);
}

/* `rencana: 2 files checked: 1 error, 0 warnings` (check -v). */
static void
print_check_summary(int files, size_t nerror, size_t nwarning)
{
	fputs("rencana: ", stderr);
	fprintf(stderr, diag_trn("%d file checked", "%d files checked",
	    (unsigned long)files), files);
	fputs(": ", stderr);
	fprintf(stderr, diag_trn("%zu error", "%zu errors", nerror), nerror);
	fputs(", ", stderr);
	fprintf(stderr, diag_trn("%zu warning", "%zu warnings", nwarning),
	    nwarning);
	fputc('\n', stderr);
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "template", required_argument, NULL, 'T' },
		{ "allow-dir", required_argument, NULL, OPT_ALLOW_DIR },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	enum diag_format fmt = DIAG_FMT_TEXT;
	struct diag_list dl;
	const char *tdir = NULL;
	char *fontdir = NULL;
	FILE *out;
	int c, i, rc, done = -1;

	begin_opts("check", check_help);
	while ((c = next_opt(argc, argv, ":f:T:" COMMON_SHORT, lo, &done)) != -1) {
		if (c == 'f' && parse_format(optarg, &fmt) != 0)
			return usage_error("unknown format `%s`; use text, json or "
			    "github", optarg);
		if (c == 'T')
			tdir = optarg;
		if (c == OPT_ALLOW_DIR && allow_dir(optarg) != 0)
			return EXIT_USAGE;
	}
	if (done >= 0)
		return done;
	if (optind >= argc)
		return usage_error("check needs at least one FILE", NULL);

	diag_init(&dl);
	for (i = optind; i < argc; i++) {
		size_t before = dl.nerror;
		struct plan *pl = strcmp(argv[i], "-") == 0 ? load_stdin(&dl) :
		    plan_load_file(argv[i], &dl);

		if (pl != NULL && pl->root != NULL)
			validate_plan(pl, &dl);
		/* A valid plan goes through every stage of build but the
		 * writing, so what build would refuse is found here. */
		if (pl != NULL && pl->root != NULL && dl.nerror == before) {
			if (fontdir == NULL)
				fontdir = pdf_default_fontdir();
			build_check(pl, tdir, fontdir, &dl);
		}
		plan_free(pl);
	}
	out = fmt == DIAG_FMT_TEXT ? stderr : stdout;
	print_diags(&dl, out, fmt);
	rc = status_of(&dl);
	if (verbose)
		print_check_summary(argc - optind, dl.nerror, dl.nwarning);
	/* A report that could not be written (a full disk) is an I/O failure. */
	if (fflush(out) != 0 || ferror(out))
		rc = EXIT_IO;
	diag_free(&dl);
	free(fontdir);
	return rc;
}

/* ---- schema, init ---- */

static int
cmd_schema(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "markdown", no_argument, NULL, OPT_MARKDOWN },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	struct buf b = BUF_INIT;
	int c, markdown = 0, rc = 0, done = -1;

	begin_opts("schema", schema_help);
	while ((c = next_opt(argc, argv, ":" COMMON_SHORT, lo, &done)) != -1)
		if (c == OPT_MARKDOWN)
			markdown = 1;
	if (done >= 0)
		return done;
	if (optind < argc)
		return usage_error("unknown argument `%s` for schema", argv[optind]);
	if (markdown)
		schema_markdown(&b);
	else
		schema_json(&b);
	if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		errorf("cannot write standard output: %s", strerror(errno));
		rc = EXIT_IO;
	}
	buf_free(&b);
	return rc;
}

/* The starter plan of `rencana init`: valid, without warnings, with a
 * comment on every part.  %1$s is the jenis, %2$s the title, %3$s the
 * schema's path or address. */
static const char init_text[] = N_(
"# yaml-language-server: $schema=%3$s\n"
"# A starter plan in format rencana/1.  Replace every value, then run\n"
"#   rencana check THIS.yaml\n"
"# Fields and their meaning: docs/format.md.\n"
"format: rencana/1\n"
"\n"
"# What document this is.\n"
"dokumen:\n"
"  jenis: %1$s\n"
"  judul: %2$s\n"
"  status: konsep          # konsep (a KONSEP mark on every page) or final\n"
"  versi: \"0.1\"\n"
"  tanggal: 2026-01-15\n"
"  # nomor: 800.1/123/BKPSDM/2026   # required when status is final\n"
"  # penetapan:            # the act that adopts the plan (optional); each\n"
"  #   jenis: Peraturan Wali Kota Mataram   # appendix then carries its head\n"
"  #   nomor: \"12\"          # number, date: required when final\n"
"  #   tanggal: 2027-01-15\n"
"\n"
"# Whose plan it is.\n"
"wilayah:\n"
"  nama: Mataram\n"
"  tingkat: kota           # provinsi, kabupaten, kota, kecamatan, kelurahan, desa\n"
"  provinsi: Nusa Tenggara Barat\n"
"  kode: \"52.71\"          # Kemendagri code; quote it\n"
"  instansi: Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Mataram\n"
"  singkatan: BKPSDM\n"
"\n"
"# The plan period: at most 10 years.\n"
"periode:\n"
"  mulai: 2026\n"
"  selesai: 2030\n"
"\n"
"pendahuluan: |\n"
"  Tuliskan latar belakang, maksud dan tujuan penyusunan dokumen ini.\n"
"\n"
"dasar_hukum:\n"
"  - Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara\n"
"  - Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas Peraturan\n"
"    Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil\n"
"\n"
"# The present condition of the workforce.\n"
"kondisi:\n"
"  uraian: |\n"
"    Uraikan kondisi kepegawaian saat ini.\n"
"  pegawai:\n"
"    jumlah: 100\n"
"    per_tanggal: 2025-12-31\n"
"    rincian:\n"
"      - judul: Jenis Pegawai   # each breakdown adds up to jumlah\n"
"        daftar:\n"
"          - label: PNS\n"
"            jumlah: 80\n"
"          - label: PPPK\n"
"            jumlah: 20\n"
"\n"
"# Goals: codes like T1, unique in the file.\n"
"tujuan:\n"
"  daftar:\n"
"    - kode: T1\n"
"      judul: ASN yang kompeten\n"
"      uraian: |\n"
"        Setiap ASN memperoleh pengembangan kompetensi paling sedikit 20 JP setahun.\n"
"\n"
"# Strategies, each serving goals, with activities.\n"
"strategi:\n"
"  daftar:\n"
"    - kode: S1\n"
"      judul: Pembelajaran daring untuk seluruh ASN\n"
"      uraian: |\n"
"        Uraikan strategi ini.\n"
"      tujuan: [T1]\n"
"      kegiatan:\n"
"        - nama: Pelatihan daring tahunan\n"
"          bentuk: e-learning   # klasikal, e-learning, coaching, mentoring, magang, ...\n"
"          jp: 24               # lesson hours per participant\n"
"          peserta: 100\n"
"          anggaran: 50000000   # rupiah, digits only\n"
"          jadwal: 2026-Q2      # YYYY, YYYY-MM, YYYY-Qn or YYYY-Sn\n"
"        - nama: Pelatihan daring lanjutan\n"
"          bentuk: e-learning\n"
"          jp: 80\n"
"          peserta: 100\n"
"          jadwal: 2028-S1\n"
"\n"
"implementasi:\n"
"  uraian: |\n"
"    Uraikan pelaksanaan dan pembagian peran.\n"
"  mitra:\n"
"    - nama: Universitas Mataram\n"
"      jenis: perguruan-tinggi\n"
"      peran: Penyelenggara pelatihan\n"
"      strategi: [S1]\n"
"\n"
"tantangan:\n"
"  daftar:\n"
"    - judul: Keterbatasan anggaran\n"
"      mitigasi: |\n"
"        Mengutamakan pembelajaran daring.\n"
"      tingkat: sedang\n"
"\n"
"# Indicators: every goal should have one.\n"
"monitoring:\n"
"  uraian: |\n"
"    Uraikan cara pemantauan dan evaluasi.\n"
"  indikator:\n"
"    - kode: I1\n"
"      nama: Persentase ASN yang memperoleh paling sedikit 20 JP\n"
"      satuan: \"%%\"\n"
"      baseline:\n"
"        tahun: 2025\n"
"        nilai: 60\n"
"      target:            # years inside the period\n"
"        2026: 70\n"
"        2030: 95\n"
"      arah: naik\n"
"      tujuan: T1\n"
"\n"
"kesimpulan: |\n"
"  Tuliskan kesimpulan.\n"
"\n"
"# Appendices after the body (optional): LAMPIRAN I, II, ..., each on a new\n"
"# page; their tables are numbered Tabel I.1, ...\n"
"# lampiran:\n"
"#   - judul: Rincian Kebutuhan Pelatihan per Perangkat Daerah\n"
"#     isi: |\n"
"#       Uraikan isi lampiran; tabel dengan baris Table: judulnya.\n");

static const struct {
	const char	*jenis;
	const char	*judul;
} init_kinds[] = {
	{ "rencana-pengembangan", "Rencana Pengembangan Kepegawaian ASN Kota Mataram" },
	{ "sistem-pembinaan", "Sistem Pembinaan Aparatur Sipil Negara Kota Mataram" },
	{ "strategi-kompetensi", "Strategi Pengembangan Kompetensi ASN Kota Mataram" },
};

/* The JSON Schema the starter plan names: the installed one (or the
 * checkout's docs/), as an absolute path, so that the modeline resolves
 * wherever the plan is written.  Caller frees. */
static char *
schema_location(void)
{
	char *p = paths_find("rencana.schema.json", "docs/rencana.schema.json");
	char *abs;

	if (p == NULL)
		return xstrdup(RENCANA_DATADIR "/rencana.schema.json");
	abs = realpath(p, NULL);
	if (abs == NULL)
		return p;
	free(p);
	return abs;
}

static int
cmd_init(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "jenis", required_argument, NULL, OPT_JENIS },
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	const char *jenis = "rencana-pengembangan", *schema = NULL;
	char *found = NULL;
	size_t i;
	int c, k = -1, done = -1, rc = 0;

	begin_opts("init", init_help);
	while ((c = next_opt(argc, argv, ":" COMMON_SHORT, lo, &done)) != -1) {
		if (c == OPT_JENIS)
			jenis = optarg;
		else if (c == OPT_SCHEMA)
			schema = optarg;
	}
	if (done >= 0)
		return done;
	if (optind < argc)
		return usage_error("unknown argument `%s` for init", argv[optind]);
	for (i = 0; i < sizeof(init_kinds) / sizeof(init_kinds[0]); i++)
		if (strcmp(jenis, init_kinds[i].jenis) == 0)
			k = (int)i;
	if (k < 0)
		return usage_error("unknown jenis `%s`; use rencana-pengembangan, "
		    "sistem-pembinaan or strategi-kompetensi", jenis);
	if (schema != NULL && (*schema == '\0' || strpbrk(schema, "\n\r") != NULL))
		return usage_error("--schema needs a path on one line", NULL);
	if (schema == NULL)
		schema = found = schema_location();
	printf(_(init_text), init_kinds[k].jenis, init_kinds[k].judul, schema);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errorf("cannot write standard output: %s", strerror(errno));
		rc = EXIT_IO;
	}
	free(found);
	return rc;
}

/* ---- expand ---- */

/* Partials of `rencana expand`: DIR/NAME.mustache.  The engine asks once
 * per name and keeps what it parsed; the texts live here until it returns. */
struct expand_partials {
	const char	*dir;
	char		**text;		/* partials read (NULL: no such file) */
	char		**path;		/* their file names, for messages */
	size_t		 n, tcap, pcap;
};

/* Reads a whole file (at most PLAN_MAX_BYTES + 1 bytes); NULL on failure. */
static char *
read_file(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;

	if (buf_read_file(&b, path, PLAN_MAX_BYTES) != 0) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_detach(&b);
}

static const char *
expand_partial(void *user, const char *name, size_t *len, const char **file)
{
	struct expand_partials *ep = user;
	size_t n = 0;
	char *text = NULL, *path = NULL;

	/* A partial name stays inside DIR: no absolute paths, no `..`. */
	if (name[0] != '/' && strstr(name, "..") == NULL) {
		path = xasprintf("%s/%s.mustache", ep->dir, name);
		text = read_file(path, &n);
		if (text != NULL && n > PLAN_MAX_BYTES) {
			free(text);
			text = NULL;
		}
		*file = path;
	}
	ep->text = xgrow(ep->text, &ep->tcap, ep->n + 1, sizeof(*ep->text));
	ep->path = xgrow(ep->path, &ep->pcap, ep->n + 1, sizeof(*ep->path));
	ep->text[ep->n] = text;
	ep->path[ep->n++] = path;
	*len = n;
	return text;
}

static void
expand_partials_free(struct expand_partials *ep)
{
	size_t i;

	for (i = 0; i < ep->n; i++) {
		free(ep->text[i]);
		free(ep->path[i]);
	}
	free(ep->text);
	free(ep->path);
}

/* The output path of a plan: DIR/BASE.ext with -d, else the plan's own path
 * with .yaml/.yml replaced by ext (or ext appended).  Caller frees. */
static char *
default_output(const char *plan, const char *dir, const char *ext)
{
	const char *base = plan, *slash;
	size_t n;

	if (dir != NULL && (slash = strrchr(plan, '/')) != NULL)
		base = slash + 1;
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	if (dir != NULL)
		return xasprintf("%s/%.*s%s", dir, (int)n, base, ext);
	return xasprintf("%.*s%s", (int)n, base, ext);
}

/* Writes expand's output to out_path (NULL or "-": standard output), which
 * may not name the template, the data or a partial read. */
static void
expand_write(const char *out_path, const struct buf *out, const char *tpl_path,
    const char *data_path, const struct expand_partials *ep,
    struct diag_list *dl)
{
	const char **in;
	size_t k, nin = 0;

	if (out_path == NULL || strcmp(out_path, "-") == 0) {
		output_write_buf("-", NULL, out->data, out->len, dl);
		return;
	}
	in = xcalloc(ep->n + 2, sizeof(*in));
	in[nin++] = tpl_path;
	in[nin++] = data_path;
	for (k = 0; k < ep->n; k++)
		if (ep->path[k] != NULL)
			in[nin++] = ep->path[k];
	if (output_check_inputs(out_path, in, nin, dl) == 0)
		output_write_buf(out_path, NULL, out->data, out->len, dl);
	free(in);
}

static int
cmd_expand(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "data", required_argument, NULL, OPT_DATA },
		{ "partials", required_argument, NULL, OPT_PARTIALS },
		{ "escape", required_argument, NULL, OPT_ESCAPE },
		{ "output", required_argument, NULL, 'o' },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	const char *tpl_path = NULL, *data_path = NULL, *pdir = NULL;
	const char *out_path = NULL, *esc = "html";
	struct tpl_opts o;
	struct expand_partials ep;
	struct diag_list dl;
	struct plan *pl = NULL;
	struct buf out = BUF_INIT;
	char *tpl = NULL, *dir = NULL;
	size_t len = 0;
	int c, rc, done = -1;

	begin_opts("expand", expand_help);
	while ((c = next_opt(argc, argv, ":o:" COMMON_SHORT, lo, &done)) != -1) {
		if (c == OPT_DATA)
			data_path = optarg;
		else if (c == OPT_PARTIALS)
			pdir = optarg;
		else if (c == OPT_ESCAPE)
			esc = optarg;
		else if (c == 'o')
			out_path = optarg;
	}
	if (done >= 0)
		return done;
	if (optind < argc)
		tpl_path = argv[optind];
	if (optind + 1 < argc)
		return usage_error("expand takes one TEMPLATE; `%s` is extra",
		    argv[optind + 1]);
	if (tpl_path == NULL)
		return usage_error("expand needs a TEMPLATE", NULL);
	if (data_path == NULL)
		return usage_error("expand needs --data FILE.yaml", NULL);
	memset(&o, 0, sizeof(o));
	if (strcmp(esc, "html") == 0)
		o.escape = TPL_ESC_HTML;
	else if (strcmp(esc, "markdown") == 0)
		o.escape = TPL_ESC_MARKDOWN;
	else if (strcmp(esc, "none") == 0)
		o.escape = TPL_ESC_NONE;
	else
		return usage_error("unknown escape `%s`; use html, markdown or none", esc);

	diag_init(&dl);
	memset(&ep, 0, sizeof(ep));
	if ((tpl = read_file(tpl_path, &len)) == NULL) {
		diag_add(&dl, D_IO_OPEN, NULL, NULL, "cannot open `%s`: %s",
		    tpl_path, strerror(errno));
		goto done;
	}
	if (len > PLAN_MAX_BYTES) {
		struct srcpos p = { tpl_path, 0, 0 };

		diag_add(&dl, D_LIMIT_SIZE, &p, NULL,
		    "the template is larger than %u bytes (4 MiB)", PLAN_MAX_BYTES);
		goto done;
	}
	pl = plan_load_file(data_path, &dl);
	if (pl == NULL || pl->root == NULL || dl.nerror > 0)
		goto done;
	if (pdir == NULL) {
		const char *slash = strrchr(tpl_path, '/');

		dir = slash == NULL ? xstrdup(".") :
		    xstrndup(tpl_path, slash == tpl_path ? 1 : (size_t)(slash - tpl_path));
		pdir = dir;
	}
	ep.dir = pdir;
	o.partial = expand_partial;
	o.user = &ep;
	if (tpl_render(tpl_path, tpl, len, pl->root, &o, &out, &dl) != 0)
		goto done;
	expand_write(out_path, &out, tpl_path, data_path, &ep, &dl);
done:
	print_diags(&dl, stderr, DIAG_FMT_TEXT);
	rc = status_of(&dl);
	expand_partials_free(&ep);
	plan_free(pl);
	buf_free(&out);
	free(tpl);
	free(dir);
	diag_free(&dl);
	return rc;
}

/* Developer command: Markdown -> block tree or pages, as a text dump. */
static int
cmd_layout_dump(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "blocks", no_argument, NULL, OPT_BLOCKS },
		{ "hyph", no_argument, NULL, OPT_HYPH },
		{ "no-hyph", no_argument, NULL, OPT_NO_HYPH },
		{ "real", no_argument, NULL, OPT_REAL },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	const char *file = NULL;
	int blocks_only = 0, hyph = 1, real = 0, c, rc, done = -1;
	struct number_opts no;
	struct diag_list dl;
	struct style st;
	struct metrics m;
	struct block *doc;
	struct doc_pages *pages;
	char *text = NULL, *dir, *slash;
	size_t len = 0;

	begin_opts("layout-dump", layout_dump_help);
	while ((c = next_opt(argc, argv, ":" COMMON_SHORT, lo, &done)) != -1) {
		if (c == OPT_BLOCKS)
			blocks_only = 1;
		else if (c == OPT_HYPH)
			hyph = 1;
		else if (c == OPT_NO_HYPH)
			hyph = 0;
		else if (c == OPT_REAL)
			real = 1;
	}
	if (done >= 0)
		return done;
	if (optind + 1 < argc)
		return usage_error("layout-dump takes one FILE", NULL);
	if (optind >= argc)
		return usage_error("layout-dump needs a FILE", NULL);
	file = argv[optind];
	if ((text = read_file(file, &len)) == NULL) {
		errorf("cannot open `%s`", file);
		return EXIT_IO;
	}
	diag_init(&dl);
	style_default(&st);
	st.hyphenate = hyph;
	metrics_fake(&m, 500);
	if (real) {
		char *fd = pdf_default_fontdir();

		rc = pdf_metrics(&st, fd, &m, &dl);
		free(fd);
		if (rc != PDF_OK) {
			print_diags(&dl, stderr, DIAG_FMT_TEXT);
			style_free(&st);
			diag_free(&dl);
			free(text);
			return EXIT_IO;
		}
	}
	doc = blocks_from_template_fonts(text, len, file, NULL, 0, NULL, 0,
	    &m, (const char *const *)st.font, &dl);
	number_opts_from_style(&no, &st);
	number_run(doc, &no, &dl);
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
	print_diags(&dl, stderr, DIAG_FMT_TEXT);
	rc = status_of(&dl);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
	free(text);
	return rc;
}

/* The style of template folder dir (its gaya.yaml, if any) into *st;
 * prints its diagnostics; -1 on an error. */
static int
hyph_style(const char *dir, struct style *st)
{
	struct diag_list dl;
	char *gaya = xasprintf("%s/gaya.yaml", dir);
	int rc = 0;

	diag_init(&dl);
	if (access(gaya, F_OK) == 0)
		rc = style_load(gaya, st, &dl);
	else if (access(dir, F_OK) != 0) {
		errorf("cannot open `%s`: %s", dir, strerror(errno));
		rc = -1;
	}
	print_diags(&dl, stderr, DIAG_FMT_TEXT);
	if (dl.nerror > 0)
		rc = -1;
	diag_free(&dl);
	free(gaya);
	return rc;
}

/* `rencana hyphenate`: each word, converted to WinAnsi, printed back in
 * UTF-8 with a hyphen at each break, one per line. */
static int
cmd_hyphenate(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "exception", required_argument, NULL, 'x' },
		{ "template", required_argument, NULL, 'T' },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	const char **exc = xcalloc((size_t)argc + 1, sizeof(*exc));
	const char *tdir = NULL;
	struct style st;
	struct hyph *h = NULL;
	struct buf out = BUF_INIT;
	size_t nexc = 0, len, bad, j;
	unsigned char brk[HYPH_MAX_WORD];
	char *w, *u;
	const char *why;
	int c, i, rc = EXIT_USAGE, done = -1;

	begin_opts("hyphenate", hyphenate_help);
	style_default(&st);
	while ((c = next_opt(argc, argv, ":x:T:" COMMON_SHORT, lo, &done)) != -1) {
		if (c == 'T') {
			tdir = optarg;
			continue;
		}
		w = winansi_from_utf8(optarg, strlen(optarg), &len, &bad);
		why = bad != (size_t)-1 ? N_("a character WinAnsi lacks") :
		    hyph_exception_error(w);
		free(w);
		if (why != NULL) {
			errorf("exception `%s`: %s", optarg, _(why));
			goto out;
		}
		exc[nexc++] = optarg;
	}
	if (done >= 0) {
		rc = done;
		goto out;
	}
	if (optind >= argc) {
		rc = usage_error("hyphenate needs a WORD", NULL);
		goto out;
	}
	if (tdir != NULL && hyph_style(tdir, &st) != 0) {
		rc = 1;
		goto out;
	}
	/* The style's exceptions, then -x's (later entries win), in WinAnsi,
	 * as layout passes them. */
	exc = xrealloc(exc, (st.nhyph_exceptions + nexc + 1) * sizeof(*exc));
	memmove(exc + st.nhyph_exceptions, exc, nexc * sizeof(*exc));
	for (j = 0; j < st.nhyph_exceptions; j++)
		exc[j] = st.hyph_exceptions[j];
	nexc += st.nhyph_exceptions;
	for (j = 0; j < nexc; j++)
		exc[j] = winansi_from_utf8(exc[j], strlen(exc[j]), &len, NULL);
	h = hyph_new(exc, nexc);
	for (i = optind; i < argc; i++) {
		w = winansi_from_utf8(argv[i], strlen(argv[i]), &len, &bad);
		if (bad != (size_t)-1 || len > HYPH_MAX_WORD)
			len = 0;	/* printed as it is */
		hyph_word(h, w, len, brk);
		for (j = 0; j < len; j++) {
			if (brk[j])
				buf_putc(&out, '-');
			u = winansi_to_utf8(w + j, 1);
			buf_puts(&out, u);
			free(u);
		}
		if (len == 0)
			buf_puts(&out, argv[i]);
		buf_putc(&out, '\n');
		free(w);
	}
	rc = 0;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		errorf("cannot write standard output: %s", strerror(errno));
		rc = EXIT_IO;
	}
out:
	if (h != NULL)
		for (j = 0; j < nexc; j++)
			free((char *)exc[j]);
	hyph_free(h);
	free(exc);
	style_free(&st);
	buf_free(&out);
	return rc;
}

/* ---- build: one job per plan, run by batch.c ---- */

struct build_job {
	const char		*plan;		/* input path, from argv */
	char			*out;		/* output path (owned) */
	struct diag_list	 dl;		/* this plan's messages */
	int			 done;		/* the job ran */
};

struct build_run {
	struct build_job	*job;
	size_t			 n;
	int			 markdown;	/* --to markdown */
	int			 pages;		/* --to pages */
	int			 docx;		/* --to docx */
	const char		*tdir;		/* --template, or NULL */
	const char		*fontdir;
	const char *const	*inputs;	/* every plan path, never overwritten */
};

static const char *
build_job_name(void *ctx, size_t i)
{
	return ((struct build_run *)ctx)->job[i].plan;
}

/* The output may not replace any file the build reads: a plan of the run
 * (output_check_inputs), the cover logo, or a file of the template folder. */
static int
check_output(const struct build_run *r, const struct plan *pl,
    const char *out, struct diag_list *dl)
{
	struct diag_list scratch;
	const char *logo = pnode_text(pnode_get(pl->root, "wilayah"), "logo");
	char *tdir, **names = NULL, *layer[FOLDER_MAX_LAYERS];
	size_t nname = 0, cap = 0, k, nlayer = 0;
	DIR *d;
	struct dirent *e;
	int rc;

	if (strcmp(out, "-") == 0)
		return 0;
	if (output_check_inputs(out, r->inputs, r->n, dl) != 0)
		return -1;
	/* The template is looked up again in build_pdf, which reports a
	 * missing one; here a missing one only means nothing to compare. */
	diag_init(&scratch);
	tdir = build_template_dir(pl, r->tdir, &scratch);
	if (tdir != NULL)
		nlayer = folder_layers(tdir, layer, &scratch);
	diag_free(&scratch);
	if (logo != NULL && *logo != '\0') {
		names = xgrow(names, &cap, nname + 1, sizeof(*names));
		names[nname++] = logo[0] == '/' ? xstrdup(logo) :
		    xasprintf("%s/%s", pl->dir, logo);
	}
	/* The files of the folder and of its bases. */
	for (k = 0; k < nlayer; k++) {
		if ((d = opendir(layer[k])) != NULL) {
			while ((e = readdir(d)) != NULL) {
				if (e->d_name[0] == '.')
					continue;
				names = xgrow(names, &cap, nname + 1, sizeof(*names));
				names[nname++] = xasprintf("%s/%s", layer[k],
				    e->d_name);
			}
			closedir(d);
		}
		free(layer[k]);
	}
	rc = output_check_inputs(out, (const char *const *)names, nname, dl);
	for (k = 0; k < nname; k++)
		free(names[k]);
	free(names);
	free(tdir);
	return rc;
}

static void
build_one(void *ctx, size_t i)
{
	struct build_run *r = ctx;
	struct build_job *j = &r->job[i];
	struct plan *pl;

	j->done = 1;
	pl = plan_load_file(j->plan, &j->dl);
	if (pl == NULL || pl->root == NULL)
		goto out;
	validate_plan(pl, &j->dl);
	/* Any error so far (loading or validation) means nothing is written. */
	if (j->dl.nerror > 0)
		goto out;
	if (check_output(r, pl, j->out, &j->dl) != 0)
		goto out;
	if (r->markdown) {
		struct buf md = BUF_INIT;

		if (build_markdown(pl, r->tdir, &md, &j->dl) == 0 &&
		    j->dl.nerror == 0)
			output_write_buf(j->out, NULL, md.data, md.len, &j->dl);
		buf_free(&md);
	} else if (r->pages) {
		struct buf dump = BUF_INIT;

		if (build_pages(pl, r->tdir, r->fontdir, &dump, &j->dl) == 0 &&
		    j->dl.nerror == 0)
			output_write_buf(j->out, NULL, dump.data, dump.len, &j->dl);
		buf_free(&dump);
	} else if (r->docx)
		build_docx(pl, r->tdir, r->fontdir, j->out, &j->dl);
	else
		build_pdf(pl, r->tdir, r->fontdir, j->out, &j->dl);
out:
	plan_free(pl);
}

/* Refuses a batch in which two plans would write the same output (the
 * same name, or two names of one file), before anything is written. */
static int
duplicate_outputs(const struct build_run *run)
{
	struct stat a, b;
	size_t i, k;

	for (i = 0; i < run->n; i++)
		for (k = 0; k < i; k++) {
			const char *x = run->job[i].out, *y = run->job[k].out;

			if (strcmp(x, "-") == 0)
				continue;
			if (strcmp(x, y) != 0 && (stat(x, &a) != 0 ||
			    stat(y, &b) != 0 || a.st_dev != b.st_dev ||
			    a.st_ino != b.st_ino))
				continue;
			errorf("`%s` and `%s` would both be written to `%s`; "
			    "use -o for one plan or give them different names",
			    run->job[k].plan, run->job[i].plan, x);
			return -1;
		}
	return 0;
}

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The checks of build's options that need no file; returns 0 or
 * EXIT_USAGE after saying what is wrong. */
static int
build_check_args(size_t n, const char *to, const char *outp, const char *dir,
    const char *jobs_s, long *jobs)
{
	char *end;

	if (n == 0)
		usage_error("build needs a PLAN", NULL);
	else if (strcmp(to, "markdown") != 0 && strcmp(to, "pdf") != 0 &&
	    strcmp(to, "pages") != 0 && strcmp(to, "docx") != 0)
		usage_error("unknown output kind `%s`; use pdf, docx, markdown or "
		    "pages", to);
	else if (outp != NULL && n > 1)
		usage_error("-o takes one PLAN; use -d DIR for several", NULL);
	else if (outp != NULL && dir != NULL)
		usage_error("give -o or -d, not both", NULL);
	else if ((*jobs = strtol(jobs_s, &end, 10)) < 1 || *end != '\0' ||
	    *jobs > BATCH_MAX_JOBS)
		usage_error("-j takes a number from 1 to 64, not `%s`", jobs_s);
	else
		return 0;
	return EXIT_USAGE;
}

/* The memory budget of the batch (batch.h) lowers -j for big plans. */
static long
build_fit_jobs(const char **plans, size_t n, long jobs)
{
	size_t largest = 0, k;
	struct stat st;
	int fit;

	if (jobs <= 1)
		return jobs;
	for (k = 0; k < n; k++)
		if (stat(plans[k], &st) == 0 && (size_t)st.st_size > largest)
			largest = (size_t)st.st_size;
	fit = batch_jobs_for_memory((int)jobs, largest);
	if (fit < jobs && verbose)
		notef("-j %ld lowered to %d: the largest plan (%zu bytes) "
		    "may take %zu MiB to build", jobs,
		    fit, largest, (size_t)((BATCH_JOB_BASE +
		    BATCH_JOB_PER_BYTE * (double)largest) / 1048576));
	return fit;
}

/* Prints each job's messages and the batch's summary; returns the exit
 * status (the worst wins: I/O (3) over invalid input (1)). */
static int
build_report(struct build_run *run, double t0)
{
	size_t k, written = 0, failed = 0, n = run->n;
	int rc = 0, st;

	for (k = 0; k < n; k++) {
		struct build_job *j = &run->job[k];

		print_diags(&j->dl, stderr, DIAG_FMT_TEXT);
		st = j->done ? status_of(&j->dl) : 0;
		if (j->done && st == 0) {
			written++;
			if (verbose && strcmp(j->out, "-") != 0)
				notef("wrote %s", j->out);
		} else if (j->done)
			failed++;
		if (st == EXIT_IO || (st == EXIT_INVALID && rc == 0))
			rc = st;
	}
	if (batch_interrupted()) {
		errorf("interrupted; plans not yet built were left alone, "
		    "finished outputs are complete");
		rc = EXIT_IO;
	}
	if (!quiet && (n > 1 || verbose))
		notef("%zu written, %zu failed, %zu not started, %.2f s",
		    written, failed, n - written - failed,
		    seconds_now() - t0);
	return rc;
}

static int
cmd_build(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "dir", required_argument, NULL, 'd' },
		{ "template", required_argument, NULL, 'T' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "allow-dir", required_argument, NULL, OPT_ALLOW_DIR },
		COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	const char *outp = NULL, *tdir = NULL, *to = "pdf", *dir = NULL;
	const char *jobs_s = "1";
	struct build_run run;
	const char **plans;
	char *fontdir = NULL;
	size_t n = 0, k;
	long jobs = 0;
	double t0 = seconds_now();
	int c, rc = 0, done = -1;

	begin_opts("build", build_help);
	while ((c = next_opt(argc, argv, ":t:o:d:T:j:" COMMON_SHORT, lo,
	    &done)) != -1) {
		switch (c) {
		case 't': to = optarg; break;
		case 'o': outp = optarg; break;
		case 'd': dir = optarg; break;
		case 'T': tdir = optarg; break;
		case 'j': jobs_s = optarg; break;
		case OPT_ALLOW_DIR:
			if (allow_dir(optarg) != 0)
				return EXIT_USAGE;
			break;
		default: break;
		}
	}
	if (done >= 0)
		return done;
	plans = (const char **)argv + optind;
	n = (size_t)(argc - optind);
	if ((rc = build_check_args(n, to, outp, dir, jobs_s, &jobs)) != 0)
		return rc;

	memset(&run, 0, sizeof(run));
	run.n = n;
	run.markdown = strcmp(to, "markdown") == 0;
	run.pages = strcmp(to, "pages") == 0;
	run.docx = strcmp(to, "docx") == 0;
	run.tdir = tdir;
	run.inputs = plans;
	run.job = xcalloc(n, sizeof(*run.job));
	for (k = 0; k < n; k++) {
		run.job[k].plan = plans[k];
		diag_init(&run.job[k].dl);
		run.job[k].out = outp != NULL ? xstrdup(outp) :
		    default_output(plans[k], dir, run.markdown ? ".md" :
		    run.pages ? ".pages" : run.docx ? ".docx" : ".pdf");
	}
	if (duplicate_outputs(&run) != 0) {
		rc = EXIT_USAGE;
		goto out;
	}
	/* -d DIR: make the folder (one level) if it is not there yet. */
	if (dir != NULL && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		errorf("cannot make folder `%s`: %s", dir, strerror(errno));
		rc = EXIT_IO;
		goto out;
	}
	if (!run.markdown)
		run.fontdir = fontdir = pdf_default_fontdir();
	if (run.docx)
		docx_init();
	jobs = build_fit_jobs(plans, n, jobs);
	batch_catch_signals();
	if (n > 1)
		output_defer_dir_sync();
	batch_run(n, (int)jobs, build_one, &run, n > 1 && !quiet && isatty(2),
	    build_job_name);
	output_sync_dirs();
	rc = build_report(&run, t0);
out:
	for (k = 0; k < n; k++) {
		diag_free(&run.job[k].dl);
		free(run.job[k].out);
	}
	free(run.job);
	free(fontdir);
	return rc;
}

/* ---- template: copy, list ---- */

/* `template copy KIND DIR`: KIND is a name (looked up as for build) or a
 * folder (it has a `/`). */
static int
template_copy(const char *kind, const char *dest)
{
	struct diag_list dl;
	char *dir = NULL, *searched = NULL;
	int rc;

	diag_init(&dl);
	if (strchr(kind, '/') != NULL || strcmp(kind, ".") == 0 ||
	    strcmp(kind, "..") == 0) {
		if (folder_is_template(kind))
			dir = xstrdup(kind);
		else
			diag_add(&dl, D_TPL_NOTFOUND, NULL, NULL, "`%s` is not a "
			    "template folder: it has no `%s` or `%s`", kind,
			    FOLDER_MAIN, FOLDER_TEMPLAT);
	} else if ((dir = folder_find(kind, &searched)) == NULL)
		diag_add(&dl, D_TPL_NOTFOUND, NULL, NULL, "no template `%s` in %s "
		    "(set RENCANA_TEMPLATES, or name a folder with a `/`)", kind,
		    searched);
	if (dir != NULL && folder_copy(dir, dest, &dl) == 0 && verbose)
		notef("wrote %s", dest);
	diag_sort(&dl);
	print_diags(&dl, stderr, DIAG_FMT_TEXT);
	rc = status_of(&dl);
	diag_free(&dl);
	free(dir);
	free(searched);
	return rc;
}

static int
cmd_template(int argc, char **argv)
{
	static const struct option lo[] = { COMMON_LONG, { NULL, 0, NULL, 0 } };
	struct buf b = BUF_INIT;
	const char *sub;
	int done = -1, rc;

	begin_opts("template", template_help);
	while (next_opt(argc, argv, ":" COMMON_SHORT, lo, &done) != -1)
		continue;
	if (done >= 0)
		return done;
	if (optind >= argc)
		return usage_error("template needs `copy KIND DIR` or `list`", NULL);
	sub = argv[optind++];
	if (strcmp(sub, "copy") == 0) {
		if (argc - optind != 2)
			return usage_error("template copy takes KIND and DIR", NULL);
		return template_copy(argv[optind], argv[optind + 1]);
	}
	if (strcmp(sub, "list") != 0)
		return usage_error("unknown template command `%s`; use copy or list",
		    sub);
	if (optind < argc)
		return usage_error("template list takes no operand; `%s` is extra",
		    argv[optind]);
	folder_list(&b);
	rc = print_text(buf_str(&b));
	buf_free(&b);
	return rc;
}

/* `rencana explain [CODE]`: a code's section of docs/diagnostics.md, or
 * the list of codes.  CODE may be pasted as printed: `error[val-nip]:`. */
/*
 * The level word of `rencana explain`, translated.  Only here: the
 * diagnostics themselves keep `error[...]` and `warning[...]` in every
 * language (docs/glosarium.md).
 */
static const char *
explain_level(enum diag_level level)
{
	/* TRANSLATORS: the level of a code in `rencana explain`'s output,
	   "val-nip (error): ..."; not the `error[...]` label. */
	return level == DIAG_ERROR ? _("error") :
	    /* TRANSLATORS: as "error" above. */
	    _("warning");
}

static int
cmd_explain(int argc, char **argv)
{
	static const struct option lo[] = { COMMON_LONG, { NULL, 0, NULL, 0 } };
	struct validate_suggest sg;
	struct buf b = BUF_INIT;
	const char *arg, *near, *text;
	char *id, *p, *msg;
	int c, done = -1, rc, w;
	enum diag_code code;

	begin_opts("explain", explain_help);
	while (next_opt(argc, argv, ":" COMMON_SHORT, lo, &done) != -1)
		continue;
	if (done >= 0)
		return done;
	if (optind + 1 < argc)
		return usage_error("explain takes one CODE; `%s` is extra",
		    argv[optind + 1]);
	if (optind >= argc) {
		w = (int)strlen(explain_level(DIAG_ERROR));
		if ((int)strlen(explain_level(DIAG_WARNING)) > w)
			w = (int)strlen(explain_level(DIAG_WARNING));
		for (c = 0; c < D__COUNT; c++)
			buf_printf(&b, "%-22s %-*s %s\n", diag_code_id(c), w,
			    explain_level(diag_code_level(c)),
			    _(diag_code_text(c)));
		rc = print_text(buf_str(&b));
		buf_free(&b);
		return rc;
	}
	arg = argv[optind];
	if ((p = strchr(arg, '[')) != NULL)
		arg = p + 1;
	id = xstrndup(arg, strcspn(arg, "]:"));
	if ((code = diag_code_find(id)) == D__COUNT) {
		validate_suggest_init(&sg, id);
		for (c = 0; c < D__COUNT; c++)
			validate_suggest_try(&sg, diag_code_id(c));
		near = validate_suggest_result(&sg);
		msg = near != NULL ? xasprintf(_("unknown code `%s`; did you "
		    "mean `%s`? (`rencana explain` lists them)"), id, near) :
		    xasprintf(_("unknown code `%s`; `rencana explain` lists "
		    "them"), id);
		rc = usage_error("%s", msg);
		free(msg);
		free(id);
		return rc;
	}
	free(id);
	text = diag_code_explain(code);
	buf_printf(&b, "%s (%s): %s\n\n%s", diag_code_id(code),
	    explain_level(diag_code_level(code)),
	    _(diag_code_text(code)), text != NULL ? text : "");
	rc = print_text(buf_str(&b));
	buf_free(&b);
	return rc;
}

/* ---- the commands ---- */

static int cmd_help(int, char **);

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*help;
} commands[] = {
	{ "check", cmd_check, check_help },
	{ "build", cmd_build, build_help },
	{ "init", cmd_init, init_help },
	{ "schema", cmd_schema, schema_help },
	{ "expand", cmd_expand, expand_help },
	{ "template", cmd_template, template_help },
	{ "hyphenate", cmd_hyphenate, hyphenate_help },
	{ "layout-dump", cmd_layout_dump, layout_dump_help },
	{ "explain", cmd_explain, explain_help },
	{ "help", cmd_help, help_help },
};

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

static int
cmd_help(int argc, char **argv)
{
	static const struct option lo[] = { COMMON_LONG, { NULL, 0, NULL, 0 } };
	const struct command *cmd;
	int done = -1;

	begin_opts("help", help_help);
	while (next_opt(argc, argv, ":" COMMON_SHORT, lo, &done) != -1)
		continue;
	if (done >= 0)
		return done;
	if (optind >= argc)
		return print_help(NULL);
	if (optind + 1 < argc)
		return usage_error("help takes one COMMAND; `%s` is extra",
		    argv[optind + 1]);
	if ((cmd = find_command(argv[optind])) == NULL) {
		cur_cmd = NULL;
		return usage_error("unknown command `%s`", argv[optind]);
	}
	return print_help(cmd->help);
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = { COMMON_LONG, { NULL, 0, NULL, 0 } };
	const struct command *cmd;
	int done = -1;

	lang_init(argc, argv);
	/* Options before the command: `+` stops at the first operand. */
	cur_cmd = NULL;
	cur_help = NULL;
	opterr = 0;
	while (next_opt(argc, argv, "+:" COMMON_SHORT, lo, &done) != -1)
		continue;
	if (done >= 0)
		return done;
	if (optind >= argc) {
		fprintf(stderr, _(usage_text), _(common_text));
		return EXIT_USAGE;
	}
	if ((cmd = find_command(argv[optind])) == NULL)
		return usage_error("unknown command `%s`", argv[optind]);
	return cmd->run(argc - optind, argv + optind);
}
