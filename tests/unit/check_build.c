/* rencana: unit tests of the template stage's strict names (build.c): a
 * template naming every field of the format passes, and each field
 * misspelt fails.  Both the template and the plans are generated from the
 * validator's schema tables, so a field added to the format is tested
 * without editing this file. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
#include "diag.h"
#include "plan.h"
#include "schema.h"

/* The format nests about 6 deep; the tables are static, not input. */
#define GEN_MAX_DEPTH	16

static char tdir[] = "/tmp/rencana-check-build-XXXXXX";

static void
put_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tdir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
rm_file(const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", tdir, name);
	unlink(path);
}

/*
 * A template naming every field below map `m`, nested as the plan nests
 * them.  Every name is a section, so a name that resolves to an ancestor's
 * map or list (Mustache looks names up the context stack) renders nothing
 * instead of failing as "not text"; sections and variables are checked
 * alike.  Field number `bad` (counted in *idx) is misspelt.
 */
static void
gen_template(struct buf *b, const struct schema_field *m, int *idx, int bad,
    int depth)
{
	const struct schema_field *c, *item;

	ck_assert_int_lt(depth, GEN_MAX_DEPTH);
	for (c = m->children; c->key != NULL; c++) {
		const char *zz = (*idx)++ == bad ? "zz" : "";

		buf_printf(b, "{{#%s%s}}", c->key, zz);
		if (c->type == SCHEMA_MAP)
			gen_template(b, c, idx, bad, depth + 1);
		else if (c->type == SCHEMA_LIST &&
		    (item = schema_child(c, NULL))->type == SCHEMA_MAP)
			gen_template(b, item, idx, bad, depth + 1);
		else if (c->type == SCHEMA_DICT) {
			const char *yz = (*idx)++ == bad ? "zz" : "";

			buf_printf(b, "{{#2027%s}}{{/2027%s}}", yz, yz);
		}
		buf_printf(b, "{{/%s%s}}\n", c->key, zz);
	}
}

/*
 * A plan holding every map, list (one item) and dict of the format down to
 * depth `maxd`, and no text: every name below that depth, and every scalar,
 * is absent, so the strict check decides it.
 */
static void
gen_plan(struct pnode *parent, const struct schema_field *m, int depth, int maxd)
{
	const struct schema_field *c, *item;

	ck_assert_int_lt(depth, GEN_MAX_DEPTH);
	if (depth >= maxd)
		return;
	for (c = m->children; c->key != NULL; c++) {
		struct pnode *n, *it;

		if (c->type == SCHEMA_MAP) {
			n = pnode_new(PN_MAP, NULL);
			pnode_append(parent, c->key, n);
			gen_plan(n, c, depth + 1, maxd);
		} else if (c->type == SCHEMA_LIST &&
		    (item = schema_child(c, NULL))->type == SCHEMA_MAP) {
			n = pnode_new(PN_SEQ, NULL);
			it = pnode_new(PN_MAP, NULL);
			pnode_append(n, NULL, it);
			pnode_append(parent, c->key, n);
			gen_plan(it, item, depth + 1, maxd);
		} else if (c->type == SCHEMA_DICT)
			pnode_append(parent, c->key, pnode_new(PN_MAP, NULL));
	}
}

/* Builds with the template of field `bad` misspelt (-1: none) over a plan
 * filled to depth maxd; returns the diagnostics in *dl. */
static int
run(int bad, int maxd, int *nfields, struct diag_list *dl)
{
	struct buf tpl = BUF_INIT, out = BUF_INIT;
	char dot[] = ".";
	struct plan pl;
	int idx = 0, rc;

	gen_template(&tpl, schema_root(), &idx, bad, 0);
	*nfields = idx;
	put_file("dokumen.md.mustache", buf_str(&tpl));
	memset(&pl, 0, sizeof(pl));
	pl.root = pnode_new(PN_MAP, NULL);
	pl.file = "gen.yaml";
	pl.dir = dot;
	gen_plan(pl.root, schema_root(), 0, maxd);
	diag_init(dl);
	rc = build_markdown(&pl, tdir, &out, dl);
	pnode_free(pl.root);
	buf_free(&tpl);
	buf_free(&out);
	return rc;
}

static void
setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(tdir));
	put_file("kata-id.yaml", "tabel: Tabel\n");
}

static void
teardown(void)
{
	rm_file("dokumen.md.mustache");
	rm_file("kata-id.yaml");
	rmdir(tdir);
}

/* Every real field passes, whichever containers the plan holds. */
START_TEST(test_every_field)
{
	struct diag_list dl;
	int n, d;

	for (d = 0; d <= 8; d++) {
		int rc = run(-1, d, &n, &dl);

		ck_assert_msg(rc == 0 && dl.nerror == 0,
		    "plan filled to depth %d: %zu errors, first `%s`", d, dl.nerror,
		    dl.n > 0 ? dl.v[0].msg : "");
		diag_free(&dl);
	}
	/* the walk saw the whole format, not a stub */
	ck_assert_int_gt(n, 120);
}
END_TEST

/* Each field misspelt is an unknown name, once. */
START_TEST(test_each_misspelt)
{
	struct diag_list dl;
	int n, bad;

	run(-1, 8, &n, &dl);
	diag_free(&dl);
	for (bad = 0; bad < n; bad++) {
		int rc = run(bad, 8, &n, &dl);

		ck_assert_msg(rc != 0 && dl.nerror == 1 && dl.n == 1 &&
		    dl.v[0].code == D_TPL_UNKNOWN_NAME &&
		    strstr(dl.v[0].msg, "zz`") != NULL,
		    "field %d misspelt: %zu errors, first `%s`", bad, dl.nerror,
		    dl.n > 0 ? dl.v[0].msg : "");
		diag_free(&dl);
	}
}
END_TEST

Suite *
build_suite(void)
{
	Suite *s = suite_create("build");
	TCase *tc = tcase_create("strict names");

	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_every_field);
	tcase_add_test(tc, test_each_misspelt);
	suite_add_tcase(s, tc);
	return s;
}
