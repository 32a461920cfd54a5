/* rencana: text dumps of block trees and pages, for golden tests and debugging. */
#ifndef RENCANA_DUMP_H
#define RENCANA_DUMP_H

#include <stdio.h>

struct block;
struct doc_pages;

/* One line per box (page, type, positions rounded to 0.1 pt, font, size,
 * text in UTF-8), then page labels, outlines and metadata.  Deterministic. */
void	dump_pages(FILE *, const struct doc_pages *);
/* One line per block, indented by depth, with runs and directive keys. */
void	dump_blocks(FILE *, const struct block *);

#endif
