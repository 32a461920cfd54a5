/* rencana: tests of docx.c and zipout.c: hostile text written as text,
 * well-formed parts, the same bytes twice, the fixed order of the parts. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "docx.h"
#include "page.h"
#include "style.h"
#include "xalloc.h"
#include "zipout.h"

/* Text no plan can give (validate.c refuses control characters), given to
 * the writer directly: C0 and C1 controls, DEL, a byte that is not UTF-8
 * (a lone continuation byte), NUL, markup and a CDATA end. */
#define HOSTILE	"a\x01" "b\x1f" "c]]>d<w:p></w:t>e&f\tg\x7fh\x81i\0j"

static struct block *
tree(void)
{
	static const char md[] =
	    "```rencana-konsep\nteks: KONSEP\nkepala: K\n```\n\n"
	    "# Judul\n\nTeks.\n\n"
	    "| Uraian | Nilai |\n|---|---|\n| x | 1,5 |\n| y | 12 |\n";
	struct diag_list dl;
	struct block *doc, *b;

	diag_init(&dl);
	doc = blocks_from_markdown(md, sizeof(md) - 1, NULL, &dl);
	ck_assert_int_eq(dl.nerror, 0);
	diag_free(&dl);
	for (b = doc->first; b != NULL; b = b->next) {
		if (b->type == BLK_PARAGRAPH || b->type == BLK_HEADING)
			blocks_add_run(b, HOSTILE, sizeof(HOSTILE) - 1, RUN_BOLD);
		if (b->type == BLK_DIRECTIVE && b->nkv > 0) {
			free(b->kv[0].value);
			b->kv[0].value = xstrdup("KON\x02SEP\"<]]>&");
		}
	}
	return doc;
}

static void
make(struct buf *out)
{
	struct style st;
	struct metrics m;
	struct doc_pages *pg;
	struct diag_list dl;
	struct block *doc = tree();

	style_default(&st);
	metrics_fake(&m, 500);
	pg = doc_pages_new(595, 842);
	doc_pages_add(pg);
	pg->meta.date = 1767225600;
	pg->meta.title = xstrdup("T\x03<]]>&");
	diag_init(&dl);
	ck_assert_int_eq(docx_write(doc, &st, &m, pg, out, &dl), 0);
	ck_assert_int_eq(dl.nerror, 0);
	diag_free(&dl);
	doc_pages_free(pg);
	blocks_free(doc);
	style_free(&st);
}

/* Part `name` of the archive: no control character but line feeds, and
 * well-formed by xmllint. */
static void
part_ok(const struct buf *zip, const char *name, struct buf *part)
{
	char path[] = "/tmp/rencana-docx-XXXXXX";
	char cmd[128];
	long index = -1;
	size_t i;
	int fd;

	ck_assert_int_eq(zipout_entry(zip->data, zip->len, name, part, &index), 0);
	ck_assert_int_ge(index, 0);
	for (i = 0; i < part->len; i++) {
		unsigned char c = (unsigned char)part->data[i];

		ck_assert_msg((c >= 0x20 && c != 0x7f) || c == '\n',
		    "%s: byte 0x%02x at %zu", name, c, i);
	}
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, part->data, part->len), (ssize_t)part->len);
	close(fd);
	snprintf(cmd, sizeof(cmd), "xmllint --noout %s", path);
	ck_assert_msg(system(cmd) == 0, "%s is not well-formed", name);
	unlink(path);
}

START_TEST(test_hostile)
{
	struct buf zip = BUF_INIT, doc = BUF_INIT, hdr = BUF_INIT, core = BUF_INIT;

	make(&zip);
	part_ok(&zip, "word/document.xml", &doc);
	part_ok(&zip, "word/header1.xml", &hdr);
	part_ok(&zip, "docProps/core.xml", &core);
	/* the text, escaped; the tab a w:tab; the controls gone */
	ck_assert_ptr_nonnull(strstr(buf_str(&doc),
	    ">abc]]&gt;d&lt;w:p&gt;&lt;/w:t&gt;e&amp;f</w:t><w:tab/>"
	    "<w:t xml:space=\"preserve\">ghij</w:t>"));
	ck_assert_ptr_nonnull(strstr(buf_str(&hdr),
	    "string=\"KONSEP&quot;&lt;]]&gt;&amp;\""));
	ck_assert_ptr_nonnull(strstr(buf_str(&core),
	    "<dc:title>T&lt;]]&gt;&amp;</dc:title>"));
	buf_free(&zip);
	buf_free(&doc);
	buf_free(&hdr);
	buf_free(&core);
}
END_TEST

START_TEST(test_same_bytes)
{
	struct buf a = BUF_INIT, b = BUF_INIT, p = BUF_INIT;
	long index = -1;

	make(&a);
	make(&b);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert(memcmp(a.data, b.data, a.len) == 0);
	ck_assert_int_eq(zipout_entry(a.data, a.len, "[Content_Types].xml", &p,
	    &index), 0);
	ck_assert_int_eq(index, 0);
	buf_truncate(&p, 0);
	ck_assert_int_eq(zipout_entry(a.data, a.len, "word/document.xml", &p,
	    &index), 0);
	ck_assert_int_eq(index, 4);
	ck_assert_int_eq(zipout_entry(a.data, a.len, "no/such.xml", &p,
	    &index), -1);
	buf_free(&a);
	buf_free(&b);
	buf_free(&p);
}
END_TEST

Suite *
docx_suite(void)
{
	Suite *s = suite_create("docx");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_hostile);
	tcase_add_test(tc, test_same_bytes);
	suite_add_tcase(s, tc);
	return s;
}
