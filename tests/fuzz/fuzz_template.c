/*
 * rencana: fuzz harness: the Mustache engine.  Input: one byte choosing the
 * escape mode and strictness, then the template, a NUL byte, and YAML data.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "template.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *
partial(void *user, const char *name, size_t *len, const char **file)
{
	const char *tpl = user;

	/* Every partial is the template itself: recursion must be capped. */
	*file = "partial.mustache";
	*len = strlen(tpl);
	return name[0] == 'p' ? tpl : NULL;
}

static int
refuse_x(void *user, const struct pnode *ctx, const char *name)
{
	return name[0] != 'x';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl;
	struct plan *pl = NULL;
	struct tpl_opts o;
	struct buf out = BUF_INIT;
	const char *tpl, *nul;
	char *tcopy;
	size_t tlen;

	if (size < 1)
		return 0;
	memset(&o, 0, sizeof(o));
	o.escape = (enum tpl_escape)(data[0] % 3);
	o.name_ok = (data[0] & 4) ? refuse_x : NULL;
	o.max_output = 1 << 20;
	o.max_work = 1 << 20;
	o.partial = partial;
	tpl = (const char *)data + 1;
	size--;
	nul = memchr(tpl, '\0', size);
	tlen = nul ? (size_t)(nul - tpl) : size;
	tcopy = memcpy(xmalloc(tlen + 1), tpl, tlen);
	tcopy[tlen] = '\0';
	o.user = tcopy;
	diag_init(&dl);
	if (nul != NULL)
		pl = plan_load_buffer("data.yaml", nul + 1, size - tlen - 1, &dl);
	tpl_render("fuzz.mustache", tcopy, tlen, pl ? pl->root : NULL, &o,
	    &out, &dl);
	buf_free(&out);
	plan_free(pl);
	diag_free(&dl);
	free(tcopy);
	return 0;
}
