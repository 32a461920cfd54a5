/*
 * rencana: unit tests of the Mustache engine (template.c): the Mustache spec
 * (tests/mustache-spec, read with the project's YAML loader),
 * escaping (with a cmark-gfm round trip), strict mode, limits and positions.
 * cmark-gfm is included here only, to prove escaped text reads back literally.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "template.h"
#include "xalloc.h"

/* The vendored spec files; the Makefile passes the absolute path. */
#ifndef MUSTACHE_SPEC_DIR
#define MUSTACHE_SPEC_DIR "tests/mustache-spec"
#endif

/* ---- the Mustache spec --------------------------------------------------- */

static const char *const spec_files[] = {
	"comments.yml", "delimiters.yml", "interpolation.yml",
	"inverted.yml", "partials.yml", "sections.yml"
};

/* Is s a YAML 1.2 core-schema number (as the spec's data means it)? */
static int
is_number(const char *s)
{
	const char *p = s;
	int digits = 0;

	if (*p == '-' || *p == '+')
		p++;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (digits == 0)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/*
 * The spec's data is YAML with types; the plan tree keeps text.  A plain
 * number is written back the way a dynamic language prints it (`1.210` ->
 * `1.21`), the shortest form that reads back as the same double.  Plain
 * `false` and nulls stay as they are: the engine reads them as falsey.
 */
static void
normalise_numbers(struct pnode *n)
{
	struct pnode *c;

	if (n->type == PN_STR) {
		char tmp[64];
		double d;
		int prec;

		if (n->style != PN_PLAIN || !is_number(n->str))
			return;
		d = strtod(n->str, NULL);
		for (prec = 1; prec <= 17; prec++) {
			snprintf(tmp, sizeof(tmp), "%.*g", prec, d);
			if (strtod(tmp, NULL) == d)
				break;
		}
		free(n->str);
		n->str = xstrdup(tmp);
		n->len = strlen(tmp);
		return;
	}
	for (c = n->first; c != NULL; c = c->next)
		normalise_numbers(c);
}

static const char *
spec_partial(void *user, const char *name, size_t *len, const char **file)
{
	const struct pnode *n = pnode_get(user, name);

	if (n == NULL || n->type != PN_STR)
		return NULL;
	*len = n->len;
	*file = name;
	return n->str;
}

START_TEST(test_spec)
{
	char path[4096];
	struct diag_list dl;
	struct plan *pl;
	struct pnode *tests, *t;
	struct buf fails = BUF_INIT;
	int ntests = 0, nfail = 0;

	snprintf(path, sizeof(path), "%s/%s", MUSTACHE_SPEC_DIR,
	    spec_files[_i]);
	diag_init(&dl);
	pl = plan_load_file(path, &dl);
	/* A missing spec is a failure, never a skip. */
	ck_assert_msg(pl != NULL && pl->root != NULL, "cannot load %s", path);
	ck_assert_msg(dl.nerror == 0, "%s does not load cleanly", path);
	tests = pnode_get(pl->root, "tests");
	ck_assert_ptr_nonnull(tests);
	ck_assert_int_eq(tests->type, PN_SEQ);
	for (t = tests->first; t != NULL; t = t->next) {
		const struct pnode *tpl = pnode_get(t, "template");
		const struct pnode *exp = pnode_get(t, "expected");
		struct pnode *data = pnode_get(t, "data");
		struct tpl_opts o;
		struct buf out = BUF_INIT;
		struct diag_list rdl;
		int rc;

		ck_assert_ptr_nonnull(tpl);
		ck_assert_ptr_nonnull(exp);
		if (data != NULL)
			normalise_numbers(data);
		memset(&o, 0, sizeof(o));
		o.escape = TPL_ESC_HTML;
		o.partial = spec_partial;
		o.user = pnode_get(t, "partials");
		diag_init(&rdl);
		rc = tpl_render(pnode_str(t, "name"), tpl->str, tpl->len, data,
		    &o, &out, &rdl);
		ntests++;
		if (rc != 0 || rdl.n != 0 || out.len != exp->len ||
		    memcmp(out.data, exp->str, exp->len) != 0) {
			nfail++;
			buf_printf(&fails, "\n  %s: got [%s] want [%s] rc %d",
			    pnode_str(t, "name"), buf_str(&out), exp->str, rc);
		}
		buf_free(&out);
		diag_free(&rdl);
	}
	ck_assert_msg(ntests > 0, "%s has no tests", path);
	ck_assert_msg(nfail == 0, "%s: %d of %d failed:%s", spec_files[_i],
	    nfail, ntests, buf_str(&fails));
	buf_free(&fails);
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

/* ---- helpers ------------------------------------------------------------- */

struct fixture {
	struct diag_list	 dl;
	struct plan		*pl;
	struct buf		 out;
	int			 rc;
};

/* Partials for tests: "name=text" pairs in a NULL-terminated list. */
static const char *
list_partial(void *user, const char *name, size_t *len, const char **file)
{
	const char *const *p;
	size_t n = strlen(name);

	for (p = user; p != NULL && *p != NULL; p++)
		if (strncmp(*p, name, n) == 0 && (*p)[n] == '=') {
			*len = strlen(*p + n + 1);
			*file = name;
			return *p + n + 1;
		}
	return NULL;
}

/* Strict mode where names starting with `opt` are merely absent. */
static int
strict_ok(void *user, const struct pnode *ctx, const char *name)
{
	return strncmp(name, "opt", 3) == 0;
}

static void
run(struct fixture *f, const char *yaml, const char *tpl,
    const struct tpl_opts *o)
{
	diag_init(&f->dl);
	f->pl = plan_load_buffer("d.yaml", yaml, strlen(yaml), &f->dl);
	ck_assert_ptr_nonnull(f->pl->root);
	ck_assert_uint_eq(f->dl.n, 0);
	memset(&f->out, 0, sizeof(f->out));
	f->rc = tpl_render("t.mustache", tpl, strlen(tpl), f->pl->root, o,
	    &f->out, &f->dl);
}

static void
done(struct fixture *f)
{
	plan_free(f->pl);
	buf_free(&f->out);
	diag_free(&f->dl);
}

/* ---- escaping (table-driven) --------------------------------------------- */

struct esc_case {
	const char	*in;
	const char	*md;
	const char	*html;
};

static const struct esc_case esc_cases[] = {
	{ "plain text", "plain text", "plain text" },
	{ "# Judul", "\\# Judul", "# Judul" },
	{ "*tebal* _miring_", "\\*tebal\\* \\_miring\\_", "*tebal* _miring_" },
	{ "[tautan](http://x.id)", "\\[tautan\\]\\(http\\://x\\.id\\)",
	  "[tautan](http://x.id)" },
	{ "a | b", "a \\| b", "a | b" },
	{ "<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>",
	  "&lt;b&gt;&amp;amp;&lt;/b&gt;" },
	{ "1. satu", "1\\. satu", "1. satu" },
	{ "2) dua", "2\\) dua", "2) dua" },
	{ "a\nb\r\nc\rd", "a b c d", "a\nb\r\nc\rd" },
	{ "baris\n===", "baris \\=\\=\\=", "baris\n===" },
	{ "    kode", "&#32;&#32;&#32;&#32;kode", "    kode" },
	{ "\tx  ", "&#9;x&#32;&#32;", "\tx  " },
	{ "a\\", "a\\\\", "a\\" },
	{ "~~coret~~ `k`", "\\~\\~coret\\~\\~ \\`k\\`", "~~coret~~ `k`" },
	{ "\"kutip\" 'satu'", "\\\"kutip\\\" \\'satu\\'",
	  "&quot;kutip&quot; &#39;satu&#39;" },
	{ "Dinas Pendidikan, 2025/2026 50%", "Dinas Pendidikan, 2025/2026 50%",
	  "Dinas Pendidikan, 2025/2026 50%" },
	{ "- + >", "\\- \\+ \\>", "- + &gt;" },
	{ "", "", "" },
	{ "\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9" },
};

START_TEST(test_escape_table)
{
	const struct esc_case *c = &esc_cases[_i];
	struct buf b = BUF_INIT;

	tpl_escape_markdown(&b, c->in, strlen(c->in));
	ck_assert_str_eq(buf_str(&b), c->md);
	buf_free(&b);
	tpl_escape_html(&b, c->in, strlen(c->in));
	ck_assert_str_eq(buf_str(&b), c->html);
	buf_free(&b);
}
END_TEST

/* ---- markdown round trip through cmark-gfm ------------------------------- */

/* Collects the text of a document; fails on any node that is not plain
 * text in a paragraph (or a table cell when allowed). */
static int
plain_text(cmark_node *doc, struct buf *b, int table, int *cells)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int ok = 1;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *type = cmark_node_get_type_string(n);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (strcmp(type, "document") == 0 || strcmp(type, "paragraph") == 0)
			continue;
		if (strcmp(type, "text") == 0) {
			buf_puts(b, cmark_node_get_literal(n));
			continue;
		}
		/* Only the test's own line ends make soft breaks: an escaped
		 * field has none. */
		if (strcmp(type, "softbreak") == 0) {
			buf_putc(b, '\n');
			continue;
		}
		if (table && (strcmp(type, "table") == 0 ||
		    strcmp(type, "table_header") == 0 ||
		    strcmp(type, "table_row") == 0))
			continue;
		if (table && strcmp(type, "table_cell") == 0) {
			(*cells)++;
			continue;
		}
		ok = 0;
	}
	cmark_iter_free(it);
	return ok;
}

/* Renders doc with the table and strikethrough extensions (not autolink:
 * it links e-mail-like text after escapes are read, which no escaping can
 * stop; the text would stay the same); returns the plain text of body
 * cell (table) or of the document; *ok false when markup appeared. */
static char *
cmark_plain(const char *doc, int table, int smart, int *ok)
{
	cmark_parser *p;
	cmark_node *root;
	struct buf b = BUF_INIT;
	int cells = 0;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(smart ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
	cmark_parser_attach_syntax_extension(p,
	    cmark_find_syntax_extension("strikethrough"));
	cmark_parser_feed(p, doc, strlen(doc));
	root = cmark_parser_finish(p);
	*ok = plain_text(root, &b, table, &cells);
	if (table && cells != 2)
		*ok = 0;
	if (table && *ok) {
		/* The header cell's text `h` comes first. */
		const char *s = buf_str(&b);
		char *r;

		*ok = s[0] == 'h';
		r = xstrdup(s[0] == 'h' ? s + 1 : s);
		buf_free(&b);
		cmark_node_free(root);
		cmark_parser_free(p);
		return r;
	}
	cmark_node_free(root);
	cmark_parser_free(p);
	return buf_detach(&b);
}

/* What a field must read back as: line ends become spaces, NUL is dropped. */
static char *
expected_plain(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		if (s[i] == '\n' || s[i] == '\r')
			buf_putc(&b, ' ');
		else if (s[i] != '\0')
			buf_putc(&b, s[i]);
	}
	buf_put(&b, "", 0);
	return buf_detach(&b);
}

/* Checks one string in several places of a document. */
static void
roundtrip(const char *s, size_t len)
{
	static const char *const ctx[][2] = {
		{ "", "\n" },			/* a paragraph of its own */
		{ "x ", " y\n" },		/* inside a line */
		{ "para\n", "\n" },		/* a line under a paragraph (setext) */
		{ "  ", "\n" },			/* after indentation */
		{ "| h |\n|---|\n| ", " |\n" },	/* a GFM table cell */
	};
	struct buf esc = BUF_INIT;
	char *want = expected_plain(s, len);
	size_t c;
	int smart;

	tpl_escape_markdown(&esc, s, len);
	for (c = 0; c < sizeof(ctx) / sizeof(ctx[0]); c++) {
		struct buf doc = BUF_INIT, w = BUF_INIT;
		int table = c == 4;

		buf_puts(&doc, ctx[c][0]);
		buf_put(&doc, esc.data ? esc.data : "", esc.len);
		buf_puts(&doc, ctx[c][1]);
		if (c == 1)
			buf_puts(&w, "x ");
		if (c == 2)
			buf_puts(&w, esc.len ? "para\n" : "para");
		buf_puts(&w, want);
		if (c == 1)
			buf_puts(&w, " y");
		for (smart = 0; smart <= 1; smart++) {
			int ok;
			char *got = cmark_plain(buf_str(&doc), table, smart, &ok);

			ck_assert_msg(ok, "markup from [%s] escaped as [%s] in context %zu",
			    s, buf_str(&esc), c);
			ck_assert_msg(strcmp(got, buf_str(&w)) == 0,
			    "[%s] escaped as [%s] reads back as [%s] in context %zu",
			    s, buf_str(&esc), got, c);
			free(got);
		}
		buf_free(&doc);
		buf_free(&w);
	}
	free(want);
	buf_free(&esc);
}

static const char *const adversarial[] = {
	"# heading", "## h", "=====", "-----", "***", "___", "- item", "+ item",
	"* item", "1. one", "1) one", "99999. x", "> quote", "    code",
	"\tcode", "```", "~~~", "<div>", "<!-- c -->", "<http://x.y>",
	"www.example.com", "https://example.com/a_b", "a@b.co", "[a]: /url",
	"[a](b)", "![i](x.png)", "*em* **strong** _u_ __uu__", "`code`",
	"~~del~~", "a  ", "a\\", "&amp; &#65; &copy", "a | b | c", "|---|---|",
	"\\|", "\\\\|", "line\nbreak", "a\r\nb", "\n# x", "x\n===",
	"x\n---", "\n\n\n", "   ", " lead", "trail ", "[^1]", "\"q\" 'q' -- ...",
	"<script>alert(1)</script>", "{{x}}", "{: .class}", "| a |", "a|b\\|c",
	"*", "_", "-", "+", "#", ">", "|", "\\", "&", "<", "`", "~", "!", "[", "]",
};

START_TEST(test_markdown_roundtrip_adversarial)
{
	size_t i;

	for (i = 0; i < sizeof(adversarial) / sizeof(adversarial[0]); i++)
		roundtrip(adversarial[i], strlen(adversarial[i]));
}
END_TEST

START_TEST(test_markdown_roundtrip_random)
{
	/* Values are valid UTF-8 (the loader refuses anything else), so the
	 * pieces are whole characters. */
	static const char *const alpha[] = {
		" ", "\t", "\n", "\r", "\v", "\f", "\001", "!", "\"", "#", "$",
		"%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", "0", "1",
		"9", ":", ";", "<", "=", ">", "?", "@", "A", "Z", "a", "z", "[",
		"\\", "]", "^", "_", "`", "{", "|", "}", "~", "\xc2\xa0",
		"\xc3\xa9", "\xe2\x80\x94", "www.", "http://", "&amp;", "&#",
	};
	unsigned long seed = 12345;
	int n, i;

	for (n = 0; n < 3000; n++) {
		struct buf b = BUF_INIT;
		int len;

		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		len = (int)((seed >> 33) % 20);
		for (i = 0; i < len; i++) {
			seed = seed * 6364136223846793005ul + 1442695040888963407ul;
			buf_puts(&b, alpha[(seed >> 33) % (sizeof(alpha) / sizeof(alpha[0]))]);
		}
		roundtrip(b.data ? b.data : "", b.len);
		buf_free(&b);
	}
}
END_TEST

/* ---- rendering in document modes ------------------------------------------ */

START_TEST(test_markdown_mode)
{
	struct fixture f;
	struct tpl_opts o;

	memset(&o, 0, sizeof(o));
	o.escape = TPL_ESC_MARKDOWN;
	run(&f, "judul: '# Rencana *Baru*'\nisi: '**tebal**'\n",
	    "## {{judul}}\n\n{{{isi}}} {{&isi}}\n", &o);
	ck_assert_int_eq(f.rc, 0);
	ck_assert_str_eq(buf_str(&f.out),
	    "## \\# Rencana \\*Baru\\*\n\n**tebal** **tebal**\n");
	done(&f);
}
END_TEST

START_TEST(test_strict_mode)
{
	struct fixture f;
	struct tpl_opts o;

	memset(&o, 0, sizeof(o));
	o.escape = TPL_ESC_NONE;
	o.name_ok = strict_ok;
	/* `opt*` names are merely absent: empty and falsey, no error. */
	run(&f, "a: { b: x }\nl: [1, 2]\nf: false\nq: 'false'\n",
	    "{{a.b}}[{{opt_x}}]{{#opt_s}}no{{/opt_s}}{{^f}}F{{/f}}{{#q}}Q{{/q}}",
	    &o);
	ck_assert_int_eq(f.rc, 0);
	ck_assert_uint_eq(f.dl.n, 0);
	ck_assert_str_eq(buf_str(&f.out), "x[]FQ");
	done(&f);
}
END_TEST

/* An error reported by a template: code, line, column. */
struct err_case {
	const char	*tpl;
	const char	*data;
	int		 strict;
	enum diag_code	 code;
	int		 line, col;
	const char	*msg;
};

static const char *const err_partials[] = {
	"self=x{{>self}}", "bad=ok\n  {{#a}}", NULL
};

static const struct err_case err_cases[] = {
	{ "ab\ncd {{x", "{}", 0, D_TPL_UNCLOSED_TAG, 2, 4,
	  "tag `{{` is not closed by `}}`" },
	{ "{{{x}}", "{}", 0, D_TPL_UNCLOSED_TAG, 1, 1,
	  "tag `{{{` is not closed by `}}}`" },
	{ "\xc3\xa9\xc3\xa9 {{#a}}\n{{#b}}{{/b}}", "{}", 0,
	  D_TPL_UNCLOSED_SECTION, 1, 4, "section `a` is not closed" },
	{ "{{#a}}\n  {{/b}}", "{}", 0, D_TPL_SECTION_END, 2, 3,
	  "end of section `b` while section `a` is open" },
	{ "x{{/b}}", "{}", 0, D_TPL_SECTION_END, 1, 2,
	  "end of section `b` that is not open" },
	{ "\n\n {{=<% | %>=}}", "{}", 0, D_TPL_BAD_DELIMITERS, 3, 2,
	  "set-delimiter tag needs two delimiters of 1 to 16 characters "
	  "without spaces or `=`" },
	{ "{{=<%%>=}}", "{}", 0, D_TPL_BAD_DELIMITERS, 1, 1, NULL },
	{ "{{=<% a=b %>=}}", "{}", 0, D_TPL_BAD_DELIMITERS, 1, 1, NULL },
	{ "{{= <% %>=}}<%x", "{}", 0, D_TPL_UNCLOSED_TAG, 1, 13,
	  "tag `<%` is not closed by `%>`" },
	{ "a {{ }}", "{}", 0, D_TPL_BAD_NAME, 1, 3, "tag has no name" },
	{ "{{a b}}", "{}", 0, D_TPL_BAD_NAME, 1, 1,
	  "`a b` is not a name: it holds white space" },
	{ "x\n  y {{nama_mitra}}", "{}", 1, D_TPL_UNKNOWN_NAME, 2, 5,
	  "unknown name `nama_mitra`" },
	{ "{{#l}}\n{{#a.zz}}{{/a.zz}}{{/l}}", "l: [1, 2]\na: {}\n", 1,
	  D_TPL_UNKNOWN_NAME, 2, 1, "unknown name `a.zz`" },
	{ "{{a}}", "a: [1]\n", 1, D_TPL_NOT_TEXT, 1, 1, "`a` is a list, not text" },
	{ "\n{{>nope}}", "{}", 1, D_TPL_UNKNOWN_PARTIAL, 2, 1, "no partial `nope`" },
	{ "{{>self}}", "{}", 0, D_TPL_LIMIT_PARTIALS, 1, 2,
	  "partials are nested deeper than 16 levels (is `self` recursive?)" },
	{ "{{>bad}}", "{}", 0, D_TPL_UNCLOSED_SECTION, 2, 3,
	  "section `a` is not closed" },
};

START_TEST(test_errors)
{
	const struct err_case *c = &err_cases[_i];
	struct fixture f;
	struct tpl_opts o;
	size_t k, n = 0;

	memset(&o, 0, sizeof(o));
	o.escape = TPL_ESC_HTML;
	o.partial = list_partial;
	o.user = (void *)err_partials;
	if (c->strict)
		o.name_ok = strict_ok;
	run(&f, c->data, c->tpl, &o);
	ck_assert_int_eq(f.rc, -1);
	for (k = 0; k < f.dl.n; k++) {
		const struct diag *d = &f.dl.v[k];

		if (d->code != c->code)
			continue;
		n++;
		ck_assert_int_eq(d->level, DIAG_ERROR);
		ck_assert_int_eq(d->line, c->line);
		ck_assert_int_eq(d->col, c->col);
		if (c->msg)
			ck_assert_str_eq(d->msg, c->msg);
	}
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(f.dl.n, 1);
	done(&f);
}
END_TEST

START_TEST(test_error_file)
{
	struct fixture f;
	struct tpl_opts o;
	static const char *const parts[] = { "p=a\nb {{/x}}", NULL };

	memset(&o, 0, sizeof(o));
	o.partial = list_partial;
	o.user = (void *)parts;
	run(&f, "{}", "{{>p}}", &o);
	ck_assert_int_eq(f.rc, -1);
	ck_assert_uint_eq(f.dl.n, 1);
	ck_assert_str_eq(f.dl.v[0].file, "p");
	ck_assert_int_eq(f.dl.v[0].line, 2);
	ck_assert_int_eq(f.dl.v[0].col, 3);
	done(&f);
}
END_TEST

/* ---- limits -------------------------------------------------------------- */

START_TEST(test_limit_nesting)
{
	struct buf t = BUF_INIT;
	struct fixture f;
	struct tpl_opts o;
	int i;

	for (i = 0; i < 32; i++)
		buf_puts(&t, "{{#a}}");
	for (i = 0; i < 32; i++)
		buf_puts(&t, "{{/a}}");
	memset(&o, 0, sizeof(o));
	run(&f, "a: [x]\n", buf_str(&t), &o);
	ck_assert_int_eq(f.rc, 0);	/* 32 is allowed */
	done(&f);
	buf_truncate(&t, 0);
	for (i = 0; i < 33; i++)
		buf_puts(&t, "{{#a}}");
	for (i = 0; i < 33; i++)
		buf_puts(&t, "{{/a}}");
	run(&f, "a: [x]\n", buf_str(&t), &o);
	ck_assert_int_eq(f.rc, -1);
	ck_assert_uint_eq(f.dl.n, 1);
	ck_assert_int_eq(f.dl.v[0].code, D_TPL_LIMIT_NESTING);
	ck_assert_int_eq(f.dl.v[0].col, 32 * 6 + 1);
	done(&f);
	buf_free(&t);
}
END_TEST

START_TEST(test_limit_recursive_partial)
{
	static const char *const parts[] = { "r={{#a}}{{>r}}{{/a}}", NULL };
	struct fixture f;
	struct tpl_opts o;

	memset(&o, 0, sizeof(o));
	o.partial = list_partial;
	o.user = (void *)parts;
	run(&f, "a: {}\n", "x{{>r}}", &o);
	ck_assert_int_eq(f.rc, -1);
	ck_assert_uint_eq(f.dl.n, 1);
	ck_assert_int_eq(f.dl.v[0].code, D_TPL_LIMIT_PARTIALS);
	ck_assert_str_eq(f.dl.v[0].file, "r");
	ck_assert_int_eq(f.dl.v[0].col, 7);
	done(&f);
}
END_TEST

/* Ten nested loops over ten items: 10^10 lines unless the cap stops it. */
static const char explode_tpl[] =
    "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}"
    "{{x}}\n"
    "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}";
static const char explode_data[] =
    "x: abcdefghijklmnopqrstuvwxyz0123456789\nl: [0,1,2,3,4,5,6,7,8,9]\n";

START_TEST(test_limit_output)
{
	struct fixture f;
	struct tpl_opts o;

	memset(&o, 0, sizeof(o));
	o.max_output = 1000;
	run(&f, "l: [a, b, c]\n", "{{#l}}0123456789{{/l}}", &o);
	ck_assert_int_eq(f.rc, 0);
	ck_assert_uint_eq(f.out.len, 30);
	done(&f);
	o.max_output = 25;
	run(&f, "l: [a, b, c]\n", "{{#l}}0123456789{{/l}}", &o);
	ck_assert_int_eq(f.rc, -1);
	ck_assert_uint_eq(f.dl.n, 1);
	ck_assert_int_eq(f.dl.v[0].code, D_TPL_LIMIT_OUTPUT);
	ck_assert_int_eq(f.dl.v[0].col, 7);
	ck_assert_str_eq(f.dl.v[0].msg, "the expanded text would exceed 25 bytes");
	ck_assert_uint_le(f.out.len, 25);
	done(&f);
	/* The default cap (16 MiB) stops an explosion. */
	o.max_output = 0;
	run(&f, explode_data, explode_tpl, &o);
	ck_assert_int_eq(f.rc, -1);
	ck_assert_uint_eq(f.dl.n, 1);
	ck_assert_int_eq(f.dl.v[0].code, D_TPL_LIMIT_OUTPUT);
	ck_assert_uint_le(f.out.len, 16u * 1024 * 1024);
	ck_assert_uint_gt(f.out.len, 16u * 1024 * 1024 - 64);
	done(&f);
}
END_TEST

START_TEST(test_limit_work)
{
	struct fixture f;
	struct tpl_opts o;
	char tpl[] = "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}"
	    "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}";

	memset(&o, 0, sizeof(o));
	o.max_work = 100000;
	run(&f, explode_data, tpl, &o);
	ck_assert_int_eq(f.rc, -1);
	ck_assert_uint_eq(f.dl.n, 1);
	ck_assert_int_eq(f.dl.v[0].code, D_TPL_LIMIT_WORK);
	ck_assert_str_eq(f.dl.v[0].msg,
	    "expansion takes more than 100000 steps (nested loops?)");
	done(&f);
}
END_TEST

/* Indentation of standalone partials, nested. */
START_TEST(test_partial_indent_nested)
{
	static const char *const parts[] = {
		"outer=o1\n  {{>inner}}\no2\n", "inner=i1\ni2 {{v}}\n", NULL
	};
	struct fixture f;
	struct tpl_opts o;

	memset(&o, 0, sizeof(o));
	o.escape = TPL_ESC_NONE;
	o.partial = list_partial;
	o.user = (void *)parts;
	run(&f, "v: \"a\\nb\"\n", "-\n  {{>outer}}\n-\n", &o);
	ck_assert_int_eq(f.rc, 0);
	ck_assert_str_eq(buf_str(&f.out),
	    "-\n  o1\n    i1\n    i2 a\nb\n  o2\n-\n");
	done(&f);
}
END_TEST

Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("spec");

	tcase_add_loop_test(tc, test_spec, 0,
	    (int)(sizeof(spec_files) / sizeof(spec_files[0])));
	suite_add_tcase(s, tc);
	tc = tcase_create("escape");
	tcase_add_loop_test(tc, test_escape_table, 0,
	    (int)(sizeof(esc_cases) / sizeof(esc_cases[0])));
	tcase_add_test(tc, test_markdown_roundtrip_adversarial);
	tcase_add_test(tc, test_markdown_roundtrip_random);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("render");
	tcase_add_test(tc, test_markdown_mode);
	tcase_add_test(tc, test_strict_mode);
	tcase_add_loop_test(tc, test_errors, 0,
	    (int)(sizeof(err_cases) / sizeof(err_cases[0])));
	tcase_add_test(tc, test_error_file);
	tcase_add_test(tc, test_partial_indent_nested);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_add_test(tc, test_limit_nesting);
	tcase_add_test(tc, test_limit_recursive_partial);
	tcase_add_test(tc, test_limit_output);
	tcase_add_test(tc, test_limit_work);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	return s;
}
