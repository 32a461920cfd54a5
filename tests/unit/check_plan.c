/* rencana: unit tests of the YAML loader (plan.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "plan.h"

static struct plan *
load(const char *text, struct diag_list *dl)
{
	diag_init(dl);
	return plan_load_buffer("t.yaml", text, strlen(text), dl);
}

START_TEST(test_scalars_stay_text)
{
	struct diag_list dl;
	struct plan *pl = load("kode: 52.71\nnip: 197001012000031001\nnama: no\n"
	    "x: \"q\"\ny: |\n  blok\n", &dl);

	ck_assert_ptr_nonnull(pl->root);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_str_eq(pnode_str(pl->root, "kode"), "52.71");
	ck_assert_str_eq(pnode_str(pl->root, "nip"), "197001012000031001");
	ck_assert_str_eq(pnode_str(pl->root, "nama"), "no");
	ck_assert_int_eq(pnode_get(pl->root, "nama")->style, PN_PLAIN);
	ck_assert_int_eq(pnode_get(pl->root, "x")->style, PN_QUOTED);
	ck_assert_int_eq(pnode_get(pl->root, "y")->style, PN_BLOCK);
	ck_assert_str_eq(pnode_str(pl->root, "y"), "blok\n");
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

START_TEST(test_positions)
{
	struct diag_list dl;
	struct plan *pl = load("a:\n  - x: 1\n    y: \xc3\xa9\xc3\xa9\n  - z: 2\n", &dl);
	struct pnode *a = pnode_get(pl->root, "a");
	struct pnode *y = pnode_get(a->first, "y");
	char *path = pnode_path(pnode_get(a->last, "z"));

	ck_assert_int_eq(a->type, PN_SEQ);
	ck_assert_uint_eq(a->nchild, 2);
	ck_assert_int_eq(y->keypos.line, 3);
	ck_assert_int_eq(y->keypos.col, 5);
	ck_assert_int_eq(y->pos.col, 8);
	ck_assert_str_eq(path, "a[1].z");
	free(path);
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

START_TEST(test_bom_and_crlf)
{
	struct diag_list dl;
	struct plan *pl = load("\xEF\xBB\xBF" "a: 1\r\nb: 2\r\n", &dl);

	ck_assert_uint_eq(dl.n, 0);
	ck_assert_str_eq(pnode_str(pl->root, "b"), "2");
	ck_assert_int_eq(pnode_get(pl->root, "b")->keypos.line, 2);
	ck_assert_int_eq(pnode_get(pl->root, "b")->keypos.col, 1);
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

struct refusal {
	const char	*text;
	enum diag_code	 code;
	int		 line, col;
	int		 tree;	/* a tree is still built */
};

static const struct refusal refusals[] = {
	{ "a: 1\na: 2\n", D_YAML_DUPKEY, 2, 1, 1 },
	{ "a: &x 1\n", D_YAML_ANCHOR, 1, 4, 1 },
	{ "a: 1\nb: *x\n", D_YAML_ANCHOR, 2, 4, 1 },
	{ "a: !!int 1\n", D_YAML_TAG, 1, 4, 1 },
	{ "a: 1\n---\nb: 2\n", D_YAML_MULTIDOC, 2, 1, 0 },
	{ "? [x]\n: 1\n", D_YAML_KEYTYPE, 1, 3, 1 },
	{ "a: [1, 2\n", D_YAML_SYNTAX, 2, 1, 0 },
	{ "a: b: c\n", D_YAML_COLON_VALUE, 1, 5, 0 },
	/* Syntax errors told as the mistake, where it was made (issue 14). */
	{ "a: \"x\nb: 1\nc: \"y\"\n", D_YAML_QUOTE, 1, 4, 0 },
	{ "a: 'x\nb: 1\n", D_YAML_QUOTE, 1, 4, 0 },
	{ "a:\n\tb: 1\n", D_YAML_TAB, 2, 1, 0 },
	{ "a:\n  b: 1\n    c: 2\n", D_YAML_INDENT, 3, 5, 0 },
	{ "a:\n    b: 1\n  c: 2\n", D_YAML_INDENT, 3, 3, 0 },
	{ "a:\n  b:c\n  d: 1\n", D_YAML_COLON_SPACE, 2, 4, 0 },
	{ "a: x\n- b\n", D_YAML_LIST_ITEM, 2, 1, 0 },
	{ "a: \"x\\qy\"\n", D_YAML_SYNTAX, 1, 6, 0 },
	{ "a: \"x\xff\"\n", D_YAML_UTF8, 1, 6, 0 },
	{ "", D_YAML_EMPTY, 1, 1, 0 },
};

START_TEST(test_refusals)
{
	const struct refusal *r = &refusals[_i];
	struct diag_list dl;
	struct plan *pl = load(r->text, &dl);

	ck_assert_uint_ge(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, r->code);
	ck_assert_int_eq(dl.v[0].line, r->line);
	ck_assert_int_eq(dl.v[0].col, r->col);
	ck_assert_int_eq(pl->root != NULL, r->tree);
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

/* The hint of a syntax error: the line as it would be right. */
static const struct {
	const char	*text;
	const char	*help;
} hints[] = {
	{ "a: b: c\n", "put the value in quotes: a: \"b: c\"" },
	{ "a: x \"y\": z\n", "put the value in quotes: a: 'x \"y\": z'" },
	{ "a: \"x y\nb: 1\n", "close the quote at the end of the value: a: \"x y\"" },
	{ "a:\n  b:c\n  d: 1\n", "put a space after the colon: b: c" },
	{ "a: 1\na: 2\n", "`a` is first given at line 1, and that value is kept; "
	    "remove one of the two or merge them" },
};

START_TEST(test_hints)
{
	struct diag_list dl;
	struct plan *pl = load(hints[_i].text, &dl);

	ck_assert_uint_ge(dl.n, 1);
	ck_assert_ptr_nonnull(dl.v[0].help);
	ck_assert_str_eq(dl.v[0].help, hints[_i].help);
	plan_free(pl);
	diag_free(&dl);
}
END_TEST

START_TEST(test_limits)
{
	struct diag_list dl;
	struct plan *pl;
	char *deep = malloc(200);
	size_t i;

	for (i = 0; i < 70; i++)
		deep[i] = '[';
	deep[70] = '\0';
	pl = load(deep, &dl);
	ck_assert_int_eq(dl.v[0].code, D_LIMIT_DEPTH);
	ck_assert_ptr_null(pl->root);
	plan_free(pl);
	diag_free(&dl);
	free(deep);
}
END_TEST

START_TEST(test_free_deep_tree)
{
	/* pnode_free must not recurse: a long chain frees in constant stack. */
	struct pnode *root = pnode_new(PN_SEQ, NULL), *p = root;
	int i;

	for (i = 0; i < 100000; i++) {
		struct pnode *c = pnode_new(PN_SEQ, NULL);

		pnode_append(p, NULL, c);
		pnode_append(p, NULL, pnode_new_str("x", 1, NULL));
		p = c;
	}
	pnode_free(root);
}
END_TEST

Suite *
plan_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, test_scalars_stay_text);
	tcase_add_test(tc, test_positions);
	tcase_add_test(tc, test_bom_and_crlf);
	tcase_add_loop_test(tc, test_refusals, 0,
	    (int)(sizeof(refusals) / sizeof(refusals[0])));
	tcase_add_loop_test(tc, test_hints, 0, (int)(sizeof(hints) / sizeof(hints[0])));
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_free_deep_tree);
	suite_add_tcase(s, tc);
	return s;
}
