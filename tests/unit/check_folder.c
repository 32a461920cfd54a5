/* rencana: unit tests of template folders (folder.c): the key-level merge
 * of gaya.yaml and word sets, and the YAML a copy writes for a merged
 * file, which must read back as the same values with the same plainness
 * (a plain `false` is falsey, a quoted one is not). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "folder.h"
#include "plan.h"

/* A flat text of a tree: key=value; maps as key{...}, lists as key[...];
 * a quoted or block scalar is marked with a '. */
static void
flat(struct buf *b, const struct pnode *n)
{
	const struct pnode *c;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->key != NULL)
			buf_printf(b, "%s", c->key);
		if (c->type == PN_MAP) {
			buf_putc(b, '{');
			flat(b, c);
			buf_putc(b, '}');
		} else if (c->type == PN_SEQ) {
			buf_putc(b, '[');
			flat(b, c);
			buf_putc(b, ']');
		} else
			buf_printf(b, "%s%s%s;", c->key ? "=" : "",
			    c->style == PN_PLAIN ? "" : "'", c->str);
	}
}

static const struct {
	const char	*title, *base, *over, *want;
} merges[] = {
	{ "replace in place", "a: 1\nb: 2\nc: 3\n", "b: x\n", "a=1;b=x;c=3;" },
	{ "append new keys", "a: 1\n", "z: 9\ny: 8\n", "a=1;z=9;y=8;" },
	{ "maps member by member", "m: {atas: 20, bawah: 25}\nk: v\n",
	    "m: {bawah: 40}\n", "m{atas=20;bawah=40;}k=v;" },
	{ "lists joined", "l: [a, b]\n", "l: [c]\n", "l[a;b;c;]" },
	{ "a scalar replaces a map", "m: {a: 1}\n", "m: x\n", "m=x;" },
	{ "quoted stays quoted", "a: 1\n", "a: \"false\"\n", "a='false;" },
	{ "empty over", "a: 1\n", "{}\n", "a=1;" },
};

START_TEST(test_merge)
{
	struct diag_list dl;
	struct plan *b, *o;
	struct buf got = BUF_INIT;

	diag_init(&dl);
	b = plan_load_buffer("base.yaml", merges[_i].base,
	    strlen(merges[_i].base), &dl);
	o = plan_load_buffer("over.yaml", merges[_i].over,
	    strlen(merges[_i].over), &dl);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_nonnull(o);
	folder_merge(b->root, o->root);
	ck_assert_ptr_null(o->root->first);
	flat(&got, b->root);
	ck_assert_msg(strcmp(buf_str(&got), merges[_i].want) == 0,
	    "%s: got %s, want %s", merges[_i].title, buf_str(&got),
	    merges[_i].want);
	buf_free(&got);
	plan_free(b);
	plan_free(o);
	diag_free(&dl);
}
END_TEST

static char root[] = "/tmp/rencana-check-folder-XXXXXX";

static void
put(const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static struct plan *
load(const char *rel, struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	char path[512];
	struct plan *p;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	ck_assert_int_eq(buf_read_file(&b, path, 1 << 20), 0);
	p = plan_load_buffer(path, buf_str(&b), b.len, dl);
	buf_free(&b);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(p->root);
	return p;
}

/* Words that need quoting, or must stay plain, written out and read back. */
static const char base_words[] =
    "# the base's words\n"
    "kolom_no: \"No\"\n"
    "salah: false\n"
    "salah_kutip: \"false\"\n"
    "kosong:\n"
    "titik_dua: \"a: b\"\n"
    "pagar: \"x #y\"\n"
    "spasi: \" awal\"\n"
    "baris: |\n  satu\n  dua\n"
    "kutip: 'kata \"kutip\" \\\\ miring'\n"
    "unicode: Rp1.250,00 \xe2\x80\x93 \xc3\xa9\n"
    "indikator: \"- bukan daftar\"\n"
    "ganti: lama\n";

START_TEST(test_copy_round_trip)
{
	struct diag_list dl;
	struct plan *want, *over, *got;
	struct buf a = BUF_INIT, b = BUF_INIT;
	char dest[600];

	ck_assert_ptr_nonnull(mkdtemp(root));
	ck_assert_int_eq(mkdir(strcat(strcpy(dest, root), "/b"), 0700), 0);
	ck_assert_int_eq(mkdir(strcat(strcpy(dest, root), "/o"), 0700), 0);
	put("b/dokumen.md.mustache", "{{kata.ganti}}\n");
	put("b/kata-id.yaml", base_words);
	put("b/gaya.yaml", "margin_mm: {atas: 20, kiri: 30}\n");
	put("o/templat.yaml", "dasar: b\n");
	put("o/kata-id.yaml", "ganti: baru\ntambah: \"ya: tidak\"\n");
	put("o/gaya.yaml", "margin_mm: {kiri: 40}\n");
	setenv("RENCANA_TEMPLATES", root, 1);
	diag_init(&dl);
	snprintf(dest, sizeof(dest), "%s/o", root);
	{
		char out[600];

		snprintf(out, sizeof(out), "%s/c", root);
		ck_assert_int_eq(folder_copy(dest, out, &dl), 0);
	}
	ck_assert_int_eq((int)dl.nerror, 0);
	ck_assert_int_ne(access(strcat(strcpy(dest, root), "/c/templat.yaml"), F_OK), 0);
	want = load("b/kata-id.yaml", &dl);
	over = load("o/kata-id.yaml", &dl);
	folder_merge(want->root, over->root);
	got = load("c/kata-id.yaml", &dl);
	flat(&a, want->root);
	flat(&b, got->root);
	ck_assert_str_eq(buf_str(&b), buf_str(&a));
	ck_assert_int_eq((int)dl.nerror, 0);
	plan_free(want);
	plan_free(over);
	plan_free(got);
	buf_truncate(&a, 0);
	buf_truncate(&b, 0);
	got = load("c/gaya.yaml", &dl);
	flat(&b, got->root);
	ck_assert_str_eq(buf_str(&b), "margin_mm{atas=20;kiri=40;}");
	plan_free(got);
	buf_free(&a);
	buf_free(&b);
	diag_free(&dl);
	snprintf(dest, sizeof(dest), "rm -rf '%s'", root);
	ck_assert_int_eq(system(dest), 0);
}
END_TEST

Suite *folder_suite(void);

Suite *
folder_suite(void)
{
	Suite *s = suite_create("folder");
	TCase *tc = tcase_create("merge and copy");

	tcase_add_loop_test(tc, test_merge, 0,
	    (int)(sizeof(merges) / sizeof(merges[0])));
	tcase_add_test(tc, test_copy_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
