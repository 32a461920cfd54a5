/* rencana: diagnostics: the code table, collection, stable sort and printing. */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "xalloc.h"

struct diag_info {
	enum diag_level	 level;
	const char	*id;
	const char	*text;
};

static const struct diag_info diag_table[D__COUNT] = {
#define DIAG(name, lvl, id, text) [name] = { DIAG_##lvl, id, text },
#include "diag_codes.h"
#undef DIAG
};

/* Each code's explanation: the code's section of docs/diagnostics.md,
 * made into a table at build time by tools/diag-explain.awk, and in
 * Indonesian that of docs/diagnostics.id.md. */
struct explain {
	const char	*id;
	const char	*text;
};

static const struct explain explain_table[] = {
#define DIAG_EXPLAIN(id, text) { id, text },
#define DIAG_EXPLAIN_ID(id, text)
#include "diag_explain.inc"
#undef DIAG_EXPLAIN
#undef DIAG_EXPLAIN_ID
};

static const struct explain explain_table_id[] = {
#define DIAG_EXPLAIN(id, text)
#define DIAG_EXPLAIN_ID(id, text) { id, text },
#include "diag_explain.inc"
#undef DIAG_EXPLAIN
#undef DIAG_EXPLAIN_ID
};

enum diag_code
diag_code_find(const char *id)
{
	int c;

	for (c = 0; c < D__COUNT; c++)
		if (strcmp(diag_table[c].id, id) == 0)
			return (enum diag_code)c;
	return D__COUNT;
}

static int translate;

/* In the language of the messages: Indonesian when they are translated
 * (diag_set_translate), else English. */
const char *
diag_code_explain(enum diag_code c)
{
	const struct explain *t = translate ? explain_table_id : explain_table;
	size_t i, n = translate ?
	    sizeof(explain_table_id) / sizeof(explain_table_id[0]) :
	    sizeof(explain_table) / sizeof(explain_table[0]);

	for (i = 0; i < n; i++)
		if (strcmp(t[i].id, diag_table[c].id) == 0)
			return t[i].text;
	return NULL;
}

enum diag_level
diag_code_level(enum diag_code c)
{
	return diag_table[c].level;
}

const char *
diag_code_id(enum diag_code c)
{
	return diag_table[c].id;
}

const char *
diag_code_text(enum diag_code c)
{
	return diag_table[c].text;
}

/* ---- translation ---- */

void
diag_set_translate(int on)
{
	translate = on;
}

int
diag_translating(void)
{
	return translate;
}

const char *
diag_tr(const char *msgid)
{
	if (!translate || msgid == NULL || *msgid == '\0')
		return msgid;
	return dgettext(DIAG_DOMAIN, msgid);
}

const char *
diag_trn(const char *msgid, const char *plural, unsigned long n)
{
	if (!translate)
		return n == 1 ? msgid : plural;
	return dngettext(DIAG_DOMAIN, msgid, plural, n);
}

void
diag_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof(*dl));
}

void
diag_free(struct diag_list *dl)
{
	size_t i;

	if (dl == NULL)
		return;
	for (i = 0; i < dl->n; i++) {
		free(dl->v[i].path);
		free(dl->v[i].msg);
		free(dl->v[i].help);
		free(dl->v[i].msg_tr);
		free(dl->v[i].help_tr);
	}
	for (i = 0; i < dl->nsrc; i++) {
		free(dl->src[i].file);
		free(dl->src[i].text);
	}
	free(dl->v);
	free(dl->src);
	memset(dl, 0, sizeof(*dl));
}

void
diag_drop_warnings(struct diag_list *dl)
{
	size_t i, k = 0;

	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].level == DIAG_WARNING) {
			free(dl->v[i].path);
			free(dl->v[i].msg);
			free(dl->v[i].help);
			free(dl->v[i].msg_tr);
			free(dl->v[i].help_tr);
			continue;
		}
		dl->v[k++] = dl->v[i];
	}
	dl->n = k;
	dl->nwarning = 0;
}

static struct diag_source *
find_source(const struct diag_list *dl, const char *file)
{
	size_t i;

	if (file == NULL)
		return NULL;
	for (i = 0; i < dl->nsrc; i++)
		if (dl->src[i].file == file || strcmp(dl->src[i].file, file) == 0)
			return &dl->src[i];
	return NULL;
}

const char *
diag_source_add(struct diag_list *dl, const char *file, const char *text,
    size_t len)
{
	struct diag_source *s = find_source(dl, file);

	if (s == NULL) {
		dl->src = xgrow(dl->src, &dl->srccap, dl->nsrc + 1, sizeof(*dl->src));
		s = &dl->src[dl->nsrc++];
		s->file = xstrdup(file);
		s->text = NULL;
		s->len = 0;
	}
	if (text != NULL) {
		free(s->text);
		s->text = xstrndup(text, len);
		s->len = len;
	}
	s->hint_off = 0;
	s->hint_line = 0;
	return s->file;
}

const char *
diag_file(struct diag_list *dl, const char *file)
{
	return diag_source_add(dl, file, NULL, 0);
}

/* The printf result as a new string. */
static char *
vformat(const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		char *tmp = xmalloc((size_t)n + 1);

		vsnprintf(tmp, (size_t)n + 1, fmt, ap);
		buf_put(&b, tmp, (size_t)n);
		free(tmp);
	}
	return buf_detach(&b);
}

/* The English text of fmt into *en and, when translating and the catalog
 * has fmt, the translated text into *tr (else NULL). */
static void
vformat2(const char *fmt, va_list ap, char **en, char **tr)
{
	const char *t = diag_tr(fmt);
	va_list aq;

	*tr = NULL;
	if (t != fmt && strcmp(t, fmt) != 0) {
		va_copy(aq, ap);
		*tr = vformat(t, aq);
		va_end(aq);
	}
	*en = vformat(fmt, ap);
}

static void
diag_vaddl(struct diag_list *dl, enum diag_level level, enum diag_code code,
    const struct srcpos *pos, const char *path, const char *fmt, va_list ap)
{
	struct diag *d;

	dl->v = xgrow(dl->v, &dl->cap, dl->n + 1, sizeof(*dl->v));
	d = &dl->v[dl->n];
	memset(d, 0, sizeof(*d));
	d->file = pos && pos->file ? diag_file(dl, pos->file) : NULL;
	d->line = pos ? pos->line : 0;
	d->col = pos ? pos->col : 0;
	d->level = level;
	d->code = code;
	d->path = path && *path ? xstrdup(path) : NULL;
	vformat2(fmt, ap, &d->msg, &d->msg_tr);
	d->seq = dl->n;
	dl->n++;
	if (level == DIAG_ERROR)
		dl->nerror++;
	else
		dl->nwarning++;
}

void
diag_add(struct diag_list *dl, enum diag_code code, const struct srcpos *pos,
    const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vaddl(dl, diag_table[code].level, code, pos, path, fmt, ap);
	va_end(ap);
}

void
diag_vadd(struct diag_list *dl, enum diag_code code, const struct srcpos *pos,
    const char *path, const char *fmt, va_list ap)
{
	diag_vaddl(dl, diag_table[code].level, code, pos, path, fmt, ap);
}

void
diag_addl(struct diag_list *dl, enum diag_level level, enum diag_code code,
    const struct srcpos *pos, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vaddl(dl, level, code, pos, path, fmt, ap);
	va_end(ap);
}

void
diag_help(struct diag_list *dl, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	if (dl->n == 0)
		return;
	d = &dl->v[dl->n - 1];
	free(d->help);
	free(d->help_tr);
	va_start(ap, fmt);
	vformat2(fmt, ap, &d->help, &d->help_tr);
	va_end(ap);
}

void
diag_add_text(struct diag_list *dl, enum diag_code code,
    const struct srcpos *pos, const char *path, char *en, char *tr)
{
	struct diag *d;

	diag_add(dl, code, pos, path, "%s", "");
	d = &dl->v[dl->n - 1];
	free(d->msg);
	free(d->msg_tr);
	d->msg = en;
	d->msg_tr = tr;
}

void
diag_help_text(struct diag_list *dl, char *en, char *tr)
{
	struct diag *d;

	if (dl->n == 0) {
		free(en);
		free(tr);
		return;
	}
	d = &dl->v[dl->n - 1];
	free(d->help);
	free(d->help_tr);
	d->help = en;
	d->help_tr = tr;
}

void
diag_reword(struct diag_list *dl, size_t i, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	if (i >= dl->n)
		return;
	d = &dl->v[i];
	free(d->msg);
	free(d->msg_tr);
	va_start(ap, fmt);
	vformat2(fmt, ap, &d->msg, &d->msg_tr);
	va_end(ap);
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c;

	/* Messages without a file come first, then by file name. */
	if (x->file != y->file) {
		if (x->file == NULL)
			return -1;
		if (y->file == NULL)
			return 1;
		if ((c = strcmp(x->file, y->file)) != 0)
			return c;
	}
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_sort(struct diag_list *dl)
{
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), diag_cmp);
}

/* Finds the bytes of line `line` (1-based) in a source text.  Messages are
 * printed sorted, so the search starts from the line found last: printing is
 * linear in the file, not in lines times messages. */
static const char *
source_line(struct diag_source *s, int line, size_t *len)
{
	const char *p = s->text, *end = s->text + s->len, *e;
	int l = 1;

	if (p == NULL || line < 1)
		return NULL;
	/* Skip a UTF-8 byte order mark, which libyaml does not count. */
	if (s->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if (s->hint_line > 0 && s->hint_line <= line) {
		p = s->text + s->hint_off;
		l = s->hint_line;
	}
	while (l < line && p < end) {
		e = memchr(p, '\n', (size_t)(end - p));
		if (e == NULL)
			return NULL;
		p = e + 1;
		l++;
	}
	if (l != line || p > end)
		return NULL;
	s->hint_off = (size_t)(p - s->text);
	s->hint_line = line;
	e = memchr(p, '\n', (size_t)(end - p));
	if (e == NULL)
		e = end;
	if (e > p && e[-1] == '\r')
		e--;
	*len = (size_t)(e - p);
	return p;
}

/* Byte offset of character k (0-based) in ln, or len when past the end. */
static size_t
char_offset(const char *ln, size_t len, size_t k)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (((unsigned char)ln[i] & 0xC0) != 0x80 && k-- == 0)
			return i;
	return len;
}

/*
 * Printing values safely.  A message quotes the user's values, which may
 * hold control characters (an ESC sequence would reach the terminal, a
 * newline would forge a second diagnostic) or, in file names, invalid
 * UTF-8.  utf8_seq tells the length of the valid UTF-8 sequence at s (0:
 * an invalid byte) and its code point.
 */
static size_t
utf8_seq(const unsigned char *s, unsigned long *cp)
{
	size_t n, i;
	unsigned long c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* C0 and C1 controls and DEL: never printed raw. */
static int
is_control(unsigned long cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/* Text output: controls as \n, \t, \r or \xHH / \u00HH, invalid bytes
 * as \xHH; everything else as it is. */
static void
text_escape(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long cp;
	size_t n;

	while (s != NULL && *s) {
		if ((n = utf8_seq(s, &cp)) == 0) {
			fprintf(f, "\\x%02X", *s++);
			continue;
		}
		if (!is_control(cp)) {
			fwrite(s, 1, n, f);
		} else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (cp < 0x80)
			fprintf(f, "\\x%02lX", cp);
		else
			fprintf(f, "\\u%04lX", cp);
		s += n;
	}
}

/* Prints the offending line with a caret under the column.  A line longer
 * than DIAG_LINE_SHOWN characters (a minified one-line file) is shown as a
 * window around the column, cut at both ends with "...", so each message
 * stays a few lines whatever the input. */
#define DIAG_LINE_SHOWN	160

static void
print_caret(FILE *f, const struct diag_list *dl, const struct diag *d,
    int colour)
{
	struct diag_source *s = find_source(dl, d->file);
	const char *ln;
	size_t len, i, from, to, col0;
	int col;

	if (s == NULL || d->line < 1 || (ln = source_line(s, d->line, &len)) == NULL)
		return;
	col0 = d->col > 0 ? (size_t)d->col - 1 : 0;
	from = 0;
	to = len;
	if (char_offset(ln, len, DIAG_LINE_SHOWN) < len) {
		size_t first = col0 > DIAG_LINE_SHOWN / 2 ?
		    col0 - DIAG_LINE_SHOWN / 2 : 0;

		from = char_offset(ln, len, first);
		to = char_offset(ln, len, first + DIAG_LINE_SHOWN);
		col0 -= first;
	}
	fputs(from > 0 ? " ..." : " ", f);
	/* The line as it is, but a control character or an invalid byte is
	 * one `?` (one character, so the caret stays in line). */
	for (i = from; i < to; ) {
		const unsigned char *p = (const unsigned char *)ln + i;
		unsigned long cp;
		size_t n = utf8_seq(p, &cp);

		if (n == 0 || (is_control(cp) && cp != '\t')) {
			fputc('?', f);
			i += n == 0 ? 1 : n;
		} else {
			fwrite(p, 1, n, f);
			i += n;
		}
	}
	fputs(to < len ? "...\n " : "\n ", f);
	if (from > 0)
		fputs("   ", f);
	/* Walk col0 characters, echoing tabs so the caret lines up. */
	for (i = from, col = 0; i < to && (size_t)col < col0; i++) {
		unsigned char c = (unsigned char)ln[i];

		if ((c & 0xC0) == 0x80)
			continue;
		fputc(c == '\t' ? '\t' : ' ', f);
		col++;
	}
	fputs(colour ? "\033[1;32m^\033[0m\n" : "^\n", f);
}

/* What is printed: the translation when there is one.  The words
 * `error`, `warning` and `help` and the code stay English in every
 * language, so that scripts and CI filters read the same text. */
#define MSG(d)	((d)->msg_tr != NULL ? (d)->msg_tr : (d)->msg)
#define HELP(d)	((d)->help_tr != NULL ? (d)->help_tr : (d)->help)

static void
print_text(FILE *f, const struct diag_list *dl, const struct diag *d, int colour)
{
	const char *lvl = d->level == DIAG_ERROR ? "error" : "warning";
	const char *lc = d->level == DIAG_ERROR ? "\033[1;31m" : "\033[1;35m";

	if (colour)
		fputs("\033[1m", f);
	if (d->file == NULL)
		fputs("rencana", f);
	else
		text_escape(f, d->file);
	if (d->file != NULL && d->line > 0)
		fprintf(f, ":%d:%d:", d->line, d->col);
	else
		fputc(':', f);
	/* The code is the stable name `rencana explain` takes. */
	if (colour)
		fprintf(f, " %s%s[%s]:\033[0m", lc, lvl, diag_code_id(d->code));
	else
		fprintf(f, " %s[%s]:", lvl, diag_code_id(d->code));
	if (d->path) {
		fputc(' ', f);
		text_escape(f, d->path);
		fputc(':', f);
	}
	fputc(' ', f);
	text_escape(f, MSG(d));
	fputc('\n', f);
	print_caret(f, dl, d, colour);
	if (d->help != NULL) {
		fputs(colour ? "  \033[1;36mhelp:\033[0m " : "  help: ", f);
		text_escape(f, HELP(d));
		fputc('\n', f);
	}
}

void
diag_json_string(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long cp;
	size_t n;

	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = *s;

		/* Invalid UTF-8 (a file name) becomes U+FFFD, so the output
		 * stays valid JSON; DEL and C1 controls are escaped. */
		if (c >= 0x7F) {
			if ((n = utf8_seq(s, &cp)) == 0)
				fputs("\\ufffd", f);
			else if (is_control(cp))
				fprintf(f, "\\u%04lx", cp);
			else
				fwrite(s, 1, n, f);
			if (n > 1)
				s += n - 1;
			continue;
		}
		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (c < 0x20)
				fprintf(f, "\\u%04x", c);
			else
				fputc(c, f);
		}
	}
	fputc('"', f);
}

static void
print_json(FILE *f, const struct diag *d, int first)
{
	fputs(first ? "\n  {" : ",\n  {", f);
	fputs("\"file\": ", f);
	if (d->file)
		diag_json_string(f, d->file);
	else
		fputs("null", f);
	fprintf(f, ", \"line\": %d, \"column\": %d, \"severity\": \"%s\", \"path\": ",
	    d->line, d->col, d->level == DIAG_ERROR ? "error" : "warning");
	if (d->path)
		diag_json_string(f, d->path);
	else
		fputs("null", f);
	fputs(", \"code\": ", f);
	diag_json_string(f, diag_code_id(d->code));
	fputs(", \"message\": ", f);
	diag_json_string(f, d->msg);
	if (d->help != NULL) {
		fputs(", \"help\": ", f);
		diag_json_string(f, d->help);
	}
	/* Translating: the same texts in the chosen language as well; the
	 * English ones above stay, for the tools that read them. */
	if (translate) {
		fputs(", \"pesan\": ", f);
		diag_json_string(f, MSG(d));
		if (d->help != NULL) {
			fputs(", \"bantuan\": ", f);
			diag_json_string(f, HELP(d));
		}
	}
	fputc('}', f);
}

/* GitHub workflow commands: data escapes %, CR, LF; properties also : and , */
static void
gh_escape(FILE *f, const char *s, int property)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%':
			fputs("%25", f);
			break;
		case '\r':
			fputs("%0D", f);
			break;
		case '\n':
			fputs("%0A", f);
			break;
		case ':':
			fputs(property ? "%3A" : ":", f);
			break;
		case ',':
			fputs(property ? "%2C" : ",", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

static void
print_github(FILE *f, const struct diag *d)
{
	fprintf(f, "::%s ", d->level == DIAG_ERROR ? "error" : "warning");
	if (d->file) {
		fputs("file=", f);
		gh_escape(f, d->file, 1);
		if (d->line > 0)
			fprintf(f, ",line=%d,col=%d", d->line, d->col);
		fputc(',', f);
	}
	fputs("title=", f);
	gh_escape(f, diag_code_id(d->code), 1);
	fputs("::", f);
	if (d->path) {
		gh_escape(f, d->path, 0);
		fputs(": ", f);
	}
	gh_escape(f, MSG(d), 0);
	/* The hint on a second line of the annotation. */
	if (d->help != NULL) {
		fputs("%0Ahelp: ", f);
		gh_escape(f, HELP(d), 0);
	}
	fputc('\n', f);
}

void
diag_print(struct diag_list *dl, FILE *f, enum diag_format fmt, int colour)
{
	size_t i;

	diag_sort(dl);
	if (fmt == DIAG_FMT_JSON)
		fputc('[', f);
	for (i = 0; i < dl->n; i++) {
		switch (fmt) {
		case DIAG_FMT_TEXT:
			print_text(f, dl, &dl->v[i], colour);
			break;
		case DIAG_FMT_JSON:
			print_json(f, &dl->v[i], i == 0);
			break;
		case DIAG_FMT_GITHUB:
			print_github(f, &dl->v[i]);
			break;
		}
	}
	if (fmt == DIAG_FMT_JSON)
		fputs(dl->n ? "\n]\n" : "]\n", f);
}
