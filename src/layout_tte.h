/*
 * rencana: layout of an electronically signed document (layout_tte.c),
 * called by layout.c.
 */
#ifndef RENCANA_LAYOUT_TTE_H
#define RENCANA_LAYOUT_TTE_H

#include <stddef.h>

struct lay;
struct block;

/*
 * The empty area the signing application stamps (its visible signature
 * or QR) in the signature block, and the verification QR code beside it.
 * BSrE's signing library places the visible signature in a 135 x 57 pt
 * rectangle (docs/tata-naskah.md cites the example): 48 x 20 mm.
 */
#define TTE_AREA_W_MM	48.0
#define TTE_AREA_H_MM	20.0
#define TTE_QR_MM	22.0	/* the verification QR code, square */
#define TTE_QR_GAP_MM	6.0	/* between it and the signature column;
				 * more than the 4-module quiet zone */

/* Reads a top-level `rencana-tte` directive: the footer's lines, and the
 * room they take at the foot of every page (raises L->bottom). */
void	layout_tte_find(struct lay *, const struct block *doc);
/* Draws the footer on every page (after layout). */
void	layout_tte_footer(struct lay *);
void	layout_tte_free(struct lay *);
/* Blank body lines the stamp area takes in the signature block. */
size_t	layout_tte_blank_lines(const struct lay *);
/* Draws the QR code of url on the current page, its top-right corner at
 * (right, top). */
void	layout_tte_qr(struct lay *, const char *url, double right, double top);

#endif
