/*
 * rencana: image headers without a decoder: a PNG's size, and the walk over
 * a JPEG's markers that layout (the logo's size) and pdf.c (checking and
 * cleaning the file) share.
 */
#ifndef RENCANA_IMAGE_H
#define RENCANA_IMAGE_H

#include <stddef.h>

/* Bytes of an image file read into memory: a logo is some KiB, a photo a
 * few MiB. */
#define IMAGE_MAX_BYTES		(32u * 1024 * 1024)
/* Pixels of an image (PNGs are decoded whole, RGBA, to check them): logos
 * and cover pictures are far smaller, and the check must not exhaust
 * memory. */
#define IMAGE_MAX_PIXELS	(4096 * 4096)

/* One JPEG marker segment: p[off] is its 0xFF, len its bytes with the
 * marker (2 for a marker without a length). */
struct image_seg {
	unsigned	 marker;	/* the byte after 0xFF */
	size_t		 off;
	size_t		 len;
};

/* The next segment of the JPEG p[0..n) at *off (2 after the FF D8 that
 * opens the file), skipping fill bytes; moves *off past it.  Returns 1 for
 * a segment, 0 at the start of scan (seg->off is the FF DA), -1 when the
 * marker structure is broken. */
int	 image_jpeg_next(const unsigned char *p, size_t n, size_t *off,
	    struct image_seg *seg);
/* True for a start-of-frame marker (the frame header: precision, height,
 * width, components). */
int	 image_jpeg_sof(unsigned marker);
/* The big-endian 16-bit number at p. */
unsigned image_be16(const unsigned char *p);

/* An image's size in pixels from its PNG (IHDR) or JPEG (frame) header;
 * returns 1, or 0 when p[0..n) is neither or is broken before the size. */
int	 image_size(const unsigned char *p, size_t n, double *w, double *h);

#endif
