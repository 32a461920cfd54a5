/*
 * rencana: word-level typography on the block tree, after numbering and
 * before layout (issue 13): year ranges with an en dash, foreign terms in
 * italics, proper names tied so that no line breaks inside them.
 */
#ifndef RENCANA_WORDS_H
#define RENCANA_WORDS_H

#include <stddef.h>

struct block;

struct words_opts {
	const char *const *foreign;	/* UTF-8 terms set in italics (PUEBI:
					 * unassimilated foreign words), matched
					 * whole-word, without case */
	size_t		 nforeign;
	const char *const *names;	/* UTF-8 proper names whose words are
					 * joined by no-break spaces */
	size_t		 nnames;
};

/*
 * Rewrites the text runs of doc in place:
 * - a year range written with a hyphen, "2026-2030" or "2026 - 2030"
 *   (years 1900-2199, the second later, at most 100 apart), gets an en dash,
 *   "2026\x96" "2030", in every inline block (not in code) and in the cover
 *   and draft-header directive values (UTF-8 U+2013);
 * - each foreign term found in body text (paragraphs and list items, table
 *   cells; not headings or captions, whose list entries are plain, and not
 *   in code, in text already italic, or inside a URL or e-mail address) is
 *   moved into a run of its own flagged RUN_ITALIC;
 * - the spaces inside each name of two to WORDS_NAME_MAX_WORDS words become
 *   no-break spaces (U+00A0, in the runs' UTF-8 as in the cover's values), which the
 *   line breaker treats as ties (layout_line.c).
 * Linear in the text times the number of terms and names.
 */
void	words_run(struct block *doc, const struct words_opts *);

/* Names longer than this many words are not tied (an agency's full name
 * would leave a hole in a justified line). */
#define WORDS_NAME_MAX_WORDS	4

/* The year-range rewrite of one WinAnsi string, in place; returns its new
 * length (shorter when a spaced " - " became a dash). */
size_t	words_dash_years(char *s, size_t len);

#endif
