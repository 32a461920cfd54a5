/*
 * rencana: command line.  Parses options, runs the stages in order and turns
 * what happened into an exit status:
 *   0 success (warnings allowed), 1 invalid input, 2 usage error,
 *   3 I/O or internal failure.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blocks.h"
#include "batch.h"
#include "build.h"
#include "buf.h"
#include "diag.h"
#include "dump.h"
#include "layout.h"
#include "layout_hyph.h"
#include "page.h"
#include "pdf.h"
#include "plan.h"
#include "schema.h"
#include "style.h"
#include "template.h"
#include "validate.h"
#include "winansi.h"
#include "xalloc.h"

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
"                           (- reads standard input)\n"
"  schema [--markdown]      print the JSON Schema of rencana/1 (for editors),\n"
"                           or the table of fields of docs/format.md\n"
"  init [--jenis JENIS]     print a starter plan; JENIS is rencana-pengembangan\n"
"                           (default), sistem-pembinaan or strategi-kompetensi\n"
"  expand TEMPLATE --data FILE.yaml\n"
"                           expand a Mustache template with any YAML data\n"
"  build PLAN...            typeset plans (default: each PLAN with .pdf)\n"
"  hyphenate [-x WORD]... WORD...\n"
"                           print each word with its hyphenation points\n"
"                           (-x pe-ngem-bang-an: an exception, as in the style)\n"
"\n"
"Options of check:\n"
"  --format=text|json|github  how to print diagnostics (default text)\n"
"\n"
"Options of expand (Mustache spec mode: missing names are empty):\n"
"  --data FILE.yaml         the data, the root context (required)\n"
"  --partials DIR           where {{> NAME}} reads NAME.mustache\n"
"                           (default: the template's own directory)\n"
"  --escape html|markdown|none  how {{x}} escapes values (default html)\n"
"  -o FILE                  write FILE (replaced only on success);\n"
"                           - or no -o: standard output\n"
"\n"
"Options of build (each plan is validated first; any error: nothing written):\n"
"  --to pdf|markdown|pages  output kind (default pdf); markdown is the\n"
"                           expanded template (default PLAN with .md);\n"
"                           pages is a text dump of the laid-out pages\n"
"                           (real font metrics, as in the PDF; .pages)\n"
"  -o FILE                  output for a single PLAN; - writes to standard output\n"
"  -d DIR                   write each output into DIR as NAME.pdf (.md, .pages)\n"
"  --template DIR           use the template folder DIR (else dokumen.templat,\n"
"                           else the template named by dokumen.jenis)\n"
"  -j N                     build N plans at once, on N threads (1-64, default 1)\n"
"\n"
"Environment:\n"
"  SOURCE_DATE_EPOCH        the PDF's dates (else dokumen.tanggal; never the clock)\n"
"  RENCANA_FONTS            the folder of the fonts (default fonts/ beside rencana)\n"
"  RENCANA_TEMPLATES        where template names are looked up\n"
"  NO_COLOR                 no colour in diagnostics\n"
"\n"
"Developer commands:\n"
"  layout-dump [--blocks] [--[no-]hyph] [--real] FILE.md\n"
"                           lay out a Markdown file (default style, fake\n"
"                           metrics: every glyph 1/2 em) and print the boxes\n"
"                           (--blocks: print the block tree instead;\n"
"                           --real: measure with the embedded fonts)\n"
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

static int
cmd_check(int argc, char **argv)
{
	enum diag_format fmt = DIAG_FMT_TEXT;
	struct diag_list dl;
	const char **files;
	int i, nfiles = 0, rc, opts = 1;

	files = xcalloc((size_t)argc + 1, sizeof(*files));
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = NULL;

		if (opts && strncmp(a, "--format=", 9) == 0)
			v = a + 9;
		else if (opts && strcmp(a, "--format") == 0) {
			if (i + 1 >= argc) {
				free(files);
				return usage_error("%s needs a value", a);
			}
			v = argv[++i];
		} else if (opts && strcmp(a, "--") == 0) {
			opts = 0;
			continue;
		} else if (opts && a[0] == '-' && a[1] != '\0') {
			free(files);
			return usage_error("unknown option `%s` for check", a);
		} else {
			files[nfiles++] = a;
			continue;
		}
		if (parse_format(v, &fmt) != 0) {
			free(files);
			return usage_error("unknown format `%s`; use text, json or github", v);
		}
	}
	if (nfiles == 0) {
		free(files);
		return usage_error("%s", "check needs at least one FILE");
	}

	diag_init(&dl);
	for (i = 0; i < nfiles; i++) {
		struct plan *pl = strcmp(files[i], "-") == 0 ? load_stdin(&dl) :
		    plan_load_file(files[i], &dl);

		if (pl != NULL && pl->root != NULL)
			validate_plan(pl, &dl);
		plan_free(pl);
	}
	diag_print(&dl, fmt == DIAG_FMT_TEXT ? stderr : stdout, fmt,
	    fmt == DIAG_FMT_TEXT && want_colour(stderr));
	rc = status_of(&dl);
	diag_free(&dl);
	free(files);
	return rc;
}

/* ---- schema, init ---- */

static int
cmd_schema(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	int rc = 0;

	if (argc == 1 && strcmp(argv[0], "--markdown") == 0)
		schema_markdown(&b);
	else if (argc > 0)
		return usage_error("unknown argument `%s` for schema", argv[0]);
	else
		schema_json(&b);
	if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		fprintf(stderr, "rencana: error: cannot write standard output: %s\n",
		    strerror(errno));
		rc = EXIT_IO;
	}
	buf_free(&b);
	return rc;
}

/* The starter plan of `rencana init`: valid, without warnings, with a
 * comment on every part.  %1$s is the jenis, %2$s the title. */
static const char init_text[] =
"# yaml-language-server: $schema=../docs/rencana.schema.json\n"
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
"  Tuliskan kesimpulan.\n";

static const struct {
	const char	*jenis;
	const char	*judul;
} init_kinds[] = {
	{ "rencana-pengembangan", "Rencana Pengembangan Kepegawaian ASN Kota Mataram" },
	{ "sistem-pembinaan", "Sistem Pembinaan Aparatur Sipil Negara Kota Mataram" },
	{ "strategi-kompetensi", "Strategi Pengembangan Kompetensi ASN Kota Mataram" },
};

static int
cmd_init(int argc, char **argv)
{
	const char *jenis = "rencana-pengembangan";
	size_t i;
	int k = -1;

	for (i = 0; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--jenis") == 0) {
			if (i + 1 >= (size_t)argc)
				return usage_error("%s needs a value", argv[i]);
			jenis = argv[++i];
		} else if (strncmp(argv[i], "--jenis=", 8) == 0)
			jenis = argv[i] + 8;
		else
			return usage_error("unknown argument `%s` for init", argv[i]);
	}
	for (i = 0; i < sizeof(init_kinds) / sizeof(init_kinds[0]); i++)
		if (strcmp(jenis, init_kinds[i].jenis) == 0)
			k = (int)i;
	if (k < 0)
		return usage_error("unknown jenis `%s`; use rencana-pengembangan, "
		    "sistem-pembinaan or strategi-kompetensi", jenis);
	printf(init_text, init_kinds[k].jenis, init_kinds[k].judul);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "rencana: error: cannot write standard output: %s\n",
		    strerror(errno));
		return EXIT_IO;
	}
	return 0;
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

/* The file mode for new outputs: 0666 less the umask, read once at start. */
static mode_t new_file_mode = 0644;

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

/* Writes out to path through a temporary file beside it, flushed to disk
 * and renamed only when everything was written, so an earlier file stays
 * whole on any failure; "-" is standard output. */
static int
write_output(const char *path, const struct buf *out, struct diag_list *dl)
{
	struct stat st;
	char *tmp;
	FILE *f;
	int fd, ok;

	if (strcmp(path, "-") == 0) {
		if (fwrite(buf_str(out), 1, out->len, stdout) != out->len ||
		    fflush(stdout) != 0) {
			diag_add(dl, D_IO_WRITE, NULL, NULL,
			    "cannot write to standard output: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		/* /dev/null, a pipe: write in place; a rename would replace
		 * the device itself. */
		if ((f = fopen(path, "wb")) == NULL ||
		    fwrite(buf_str(out), 1, out->len, f) != out->len ||
		    fclose(f) != 0) {
			diag_add(dl, D_IO_WRITE, NULL, NULL,
			    "cannot write `%s`: %s", path, strerror(errno));
			return -1;
		}
		return 0;
	}
	tmp = xasprintf("%s.tmpXXXXXX", path);
	f = NULL;
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, new_file_mode) != 0 ||
	    (f = fdopen(fd, "wb")) == NULL) {
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
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
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

static int
cmd_expand(int argc, char **argv)
{
	const char *tpl_path = NULL, *data_path = NULL, *pdir = NULL;
	const char *out_path = NULL, *esc = "html";
	struct tpl_opts o;
	struct expand_partials ep;
	struct diag_list dl;
	struct plan *pl = NULL;
	struct buf out = BUF_INIT;
	char *tpl = NULL, *dir = NULL;
	size_t len = 0;
	int i, rc;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		const char **dst = NULL;

		if (strcmp(a, "--data") == 0 || strncmp(a, "--data=", 7) == 0)
			dst = &data_path;
		else if (strcmp(a, "--partials") == 0 ||
		    strncmp(a, "--partials=", 11) == 0)
			dst = &pdir;
		else if (strcmp(a, "--escape") == 0 ||
		    strncmp(a, "--escape=", 9) == 0)
			dst = &esc;
		else if (strcmp(a, "-o") == 0)
			dst = &out_path;
		else if (a[0] == '-' && a[1] != '\0')
			return usage_error("unknown option `%s` for expand", a);
		else if (tpl_path != NULL)
			return usage_error("expand takes one TEMPLATE; `%s` is extra", a);
		else {
			tpl_path = a;
			continue;
		}
		if ((v = strchr(a, '=')) != NULL && a[1] == '-')
			v++;
		else if (i + 1 < argc)
			v = argv[++i];
		else
			return usage_error("%s needs a value", a);
		*dst = v;
	}
	if (tpl_path == NULL)
		return usage_error("%s", "expand needs a TEMPLATE");
	if (data_path == NULL)
		return usage_error("%s", "expand needs --data FILE.yaml");
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
	if (out_path == NULL || strcmp(out_path, "-") == 0) {
		if (fwrite(out.data, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0)
			diag_add(&dl, D_IO_WRITE, NULL, NULL,
			    "cannot write standard output: %s", strerror(errno));
	} else
		write_output(out_path, &out, &dl);
done:
	diag_print(&dl, stderr, DIAG_FMT_TEXT, want_colour(stderr));
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
	const char *file = NULL;
	int blocks_only = 0, hyph = 1, real = 0, i, rc;
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
		else if (strcmp(argv[i], "--hyph") == 0)
			hyph = 1;
		else if (strcmp(argv[i], "--real") == 0)
			real = 1;
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
	if (real) {
		char *fd = pdf_default_fontdir();

		rc = pdf_metrics(&st, fd, &m, &dl);
		free(fd);
		if (rc != PDF_OK) {
			diag_print(&dl, stderr, DIAG_FMT_TEXT, 0);
			style_free(&st);
			diag_free(&dl);
			free(text);
			return EXIT_IO;
		}
	}
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

/* `rencana hyphenate`: each word, converted to WinAnsi, printed back in
 * UTF-8 with a hyphen at each break, one per line. */
static int
cmd_hyphenate(int argc, char **argv)
{
	const char **exc = xcalloc((size_t)argc + 1, sizeof(*exc));
	struct hyph *h = NULL;
	struct buf out = BUF_INIT;
	size_t nexc = 0, nword = 0, len, bad, j;
	unsigned char brk[HYPH_MAX_WORD];
	char *w, *u;
	const char *why;
	int i, rc = EXIT_USAGE;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-x") != 0) {
			if (argv[i][0] == '-' && argv[i][1] != '\0') {
				rc = usage_error("unknown option `%s` for hyphenate",
				    argv[i]);
				goto out;
			}
			nword++;
			continue;
		}
		if (i + 1 == argc) {
			rc = usage_error("%s", "-x needs a value");
			goto out;
		}
		w = winansi_from_utf8(argv[i + 1], strlen(argv[i + 1]), &len, &bad);
		why = bad != (size_t)-1 ? "a character WinAnsi lacks" :
		    hyph_exception_error(w);
		free(w);
		if (why != NULL) {
			fprintf(stderr, "rencana: error: exception `%s`: %s\n",
			    argv[i + 1], why);
			rc = EXIT_USAGE;
			goto out;
		}
		exc[nexc++] = argv[++i];
	}
	if (nword == 0) {
		rc = usage_error("%s", "hyphenate needs a WORD");
		goto out;
	}
	/* The exceptions in WinAnsi, as the style would pass them. */
	for (j = 0; j < nexc; j++)
		exc[j] = winansi_from_utf8(exc[j], strlen(exc[j]), &len, NULL);
	h = hyph_new(exc, nexc);
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-x") == 0) {
			i++;
			continue;
		}
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
		fprintf(stderr, "rencana: error: cannot write standard output: %s\n",
		    strerror(errno));
		rc = EXIT_IO;
	}
out:
	if (h != NULL)
		for (j = 0; j < nexc; j++)
			free((char *)exc[j]);
	hyph_free(h);
	free(exc);
	buf_free(&out);
	return rc;
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
	const char		*tdir;		/* --template, or NULL */
	const char		*fontdir;
	const char *const	*inputs;	/* every plan path, never overwritten */
};

static const char *
build_job_name(void *ctx, size_t i)
{
	return ((struct build_run *)ctx)->job[i].plan;
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
	if (pdf_check_output(j->out, r->inputs, r->n, &j->dl) != 0)
		goto out;
	if (r->markdown) {
		struct buf md = BUF_INIT;

		if (build_markdown(pl, r->tdir, &md, &j->dl) == 0 &&
		    j->dl.nerror == 0)
			write_output(j->out, &md, &j->dl);
		buf_free(&md);
	} else if (r->pages) {
		struct buf dump = BUF_INIT;

		if (build_pages(pl, r->tdir, r->fontdir, &dump, &j->dl) == 0 &&
		    j->dl.nerror == 0)
			write_output(j->out, &dump, &j->dl);
		buf_free(&dump);
	} else
		build_pdf(pl, r->tdir, r->fontdir, j->out, &j->dl);
out:
	plan_free(pl);
}

static int
cmd_build(int argc, char **argv)
{
	const char *outp = NULL, *tdir = NULL, *to = "pdf", *dir = NULL;
	const char *jobs_s = "1";
	struct build_run run;
	const char **plans;
	char *fontdir = NULL, *end;
	size_t n = 0, k;
	long jobs;
	int i, r, rc = 0;

	plans = xcalloc((size_t)argc + 1, sizeof(*plans));
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if ((r = opt_value(argc, argv, &i, "--to", &to)) != 0 ||
		    (r = opt_value(argc, argv, &i, "--template", &tdir)) != 0 ||
		    (r = opt_value(argc, argv, &i, "-o", &outp)) != 0 ||
		    (r = opt_value(argc, argv, &i, "-d", &dir)) != 0 ||
		    (r = opt_value(argc, argv, &i, "-j", &jobs_s)) != 0) {
			if (r < 0) {
				free(plans);
				return usage_error("%s needs a value", a);
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			free(plans);
			return usage_error("unknown option `%s` for build", a);
		} else
			plans[n++] = a;
	}
	rc = EXIT_USAGE;
	if (n == 0)
		usage_error("%s", "build needs a PLAN");
	else if (strcmp(to, "markdown") != 0 && strcmp(to, "pdf") != 0 &&
	    strcmp(to, "pages") != 0)
		usage_error("unknown output kind `%s`; use pdf, markdown or pages", to);
	else if (outp != NULL && n > 1)
		usage_error("%s", "-o takes one PLAN; use -d DIR for several");
	else if (outp != NULL && dir != NULL)
		usage_error("%s", "give -o or -d, not both");
	else if ((jobs = strtol(jobs_s, &end, 10)) < 1 || *end != '\0' ||
	    jobs > BATCH_MAX_JOBS)
		usage_error("-j takes a number from 1 to 64, not `%s`", jobs_s);
	else
		rc = 0;
	if (rc != 0) {
		free(plans);
		return rc;
	}

	/* -d DIR: make the folder (one level) if it is not there yet. */
	if (dir != NULL && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "rencana: error: cannot make folder `%s`: %s\n",
		    dir, strerror(errno));
		free(plans);
		return EXIT_IO;
	}
	memset(&run, 0, sizeof(run));
	run.n = n;
	run.markdown = strcmp(to, "markdown") == 0;
	run.pages = strcmp(to, "pages") == 0;
	run.tdir = tdir;
	run.inputs = plans;
	run.job = xcalloc(n, sizeof(*run.job));
	if (!run.markdown)
		run.fontdir = fontdir = pdf_default_fontdir();
	for (k = 0; k < n; k++) {
		run.job[k].plan = plans[k];
		diag_init(&run.job[k].dl);
		run.job[k].out = outp != NULL ? xstrdup(outp) :
		    default_output(plans[k], dir, run.markdown ? ".md" :
		    run.pages ? ".pages" : ".pdf");
	}
	batch_catch_signals();
	if (n > 1)
		pdf_defer_dir_sync();
	batch_run(n, (int)jobs, build_one, &run, n > 1 && isatty(2),
	    build_job_name);
	pdf_sync_dirs();

	for (k = 0; k < n; k++) {
		struct build_job *j = &run.job[k];
		int st;

		diag_print(&j->dl, stderr, DIAG_FMT_TEXT, want_colour(stderr));
		st = j->done ? status_of(&j->dl) : 0;
		/* The worst wins: I/O (3) over invalid input (1). */
		if (st == EXIT_IO || (st == EXIT_INVALID && rc == 0))
			rc = st;
		diag_free(&j->dl);
		free(j->out);
	}
	if (batch_interrupted()) {
		fputs("rencana: error: interrupted; plans not yet built were "
		    "left alone, finished outputs are complete\n", stderr);
		rc = EXIT_IO;
	}
	free(run.job);
	free(fontdir);
	free(plans);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *cmd;
	mode_t um;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	um = umask(022);
	umask(um);
	new_file_mode = 0666 & ~um;
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
	if (strcmp(cmd, "schema") == 0)
		return cmd_schema(argc - 2, argv + 2);
	if (strcmp(cmd, "init") == 0)
		return cmd_init(argc - 2, argv + 2);
	if (strcmp(cmd, "expand") == 0)
		return cmd_expand(argc - 2, argv + 2);
	if (strcmp(cmd, "build") == 0)
		return cmd_build(argc - 2, argv + 2);
	if (strcmp(cmd, "hyphenate") == 0)
		return cmd_hyphenate(argc - 2, argv + 2);
	return usage_error("unknown command `%s`", cmd);
}
