/* rencana: Indonesian hyphenation (PUEBI/KBBI syllables), rule-based. */
#ifndef RENCANA_LAYOUT_HYPH_H
#define RENCANA_LAYOUT_HYPH_H

#include <stddef.h>

struct hyph;

/* A hyphenator with an exception list: words written with their breaks,
 * e.g. "pe-ngem-bang-an", in WinAnsi, matched case-insensitively; an entry
 * without hyphens keeps its word whole (the word list is copied).  Entries
 * for which hyph_exception_error returns a message are skipped; a later entry
 * for the same word replaces an earlier one and the built-in list.  Free with
 * hyph_free. */
struct hyph	*hyph_new(const char *const *exceptions, size_t n);
void		 hyph_free(struct hyph *);
/* Why an exception entry is unusable ("two hyphens in a row"), or NULL when
 * it is fine, for the style loader's diagnostics.  The text is static. */
const char	*hyph_exception_error(const char *entry);

/*
 * Finds the places where `word` (n bytes, WinAnsi or ASCII; one word without
 * spaces or punctuation around it) may break with a hyphen.  Sets brk[i] to 1
 * when a hyphen may go before byte i, else 0 (brk has n entries).  Names,
 * abbreviations, numbers and codes (capitals inside the word, digits, dots)
 * get no breaks; at least two letters stay on each side.  Returns the number
 * of break points.  Linear in n; words longer than HYPH_MAX_WORD get none.
 * A word with hyphens is hyphenated part by part (no break next to its own
 * hyphens).  A NULL hyphenator means rules only, without exceptions.
 */
#define HYPH_MAX_WORD	64	/* the longest Indonesian words are ~25 letters */
size_t		 hyph_word(const struct hyph *, const char *word, size_t n,
		    unsigned char *brk);

/* hyph_word on n bytes of UTF-8 (layout's text): brk has n entries, set
 * at the first byte of a character.  A word with a character WinAnsi
 * lacks gets no breaks (the rules know Latin-1 letters only). */
size_t		 hyph_word_utf8(const struct hyph *, const char *word, size_t n,
		    unsigned char *brk);

#endif
