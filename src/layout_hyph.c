/*
 * rencana: PLACEHOLDER for Indonesian hyphenation, so that branch `layout`
 * builds before branch `hyph` exists.  It finds no break points.  When
 * merging `hyph`, take its src/layout_hyph.c whole (git checkout --theirs).
 */
#include <stdlib.h>
#include <string.h>

#include "layout_hyph.h"
#include "xalloc.h"

struct hyph {
	int	 unused;
};

struct hyph *
hyph_new(const char *const *exceptions, size_t n)
{
	(void)exceptions;
	(void)n;
	return xcalloc(1, sizeof(struct hyph));
}

void
hyph_free(struct hyph *h)
{
	free(h);
}

size_t
hyph_word(const struct hyph *h, const char *word, size_t n, unsigned char *brk)
{
	(void)h;
	(void)word;
	memset(brk, 0, n);
	return 0;
}
