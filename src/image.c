/*
 * rencana: image headers (image.h): the one JPEG marker walker and the
 * PNG and JPEG sizes, for layout and pdf.c.
 */
#include <string.h>

#include "image.h"

unsigned
image_be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

int
image_jpeg_sof(unsigned m)
{
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

int
image_jpeg_next(const unsigned char *p, size_t n, size_t *off,
    struct image_seg *seg)
{
	size_t o = *off, len;
	unsigned m;

	for (;;) {
		if (o + 4 > n || p[o] != 0xFF)
			return -1;
		if ((m = p[o + 1]) != 0xFF)
			break;
		o++;			/* fill byte */
	}
	seg->marker = m;
	seg->off = o;
	if (m == 0xDA) {		/* start of scan */
		*off = o;
		return 0;
	}
	if (m == 0xD8 || m == 0xD9 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
		seg->len = 2;
		*off = o + 2;
		return 1;
	}
	len = image_be16(p + o + 2);
	if (len < 2 || o + 2 + len > n)
		return -1;
	seg->len = 2 + len;
	*off = o + 2 + len;
	return 1;
}

int
image_size(const unsigned char *p, size_t n, double *w, double *h)
{
	struct image_seg seg;
	size_t off = 2;

	if (n >= 24 && memcmp(p, "\x89PNG", 4) == 0) {
		*w = (double)((unsigned long)image_be16(p + 16) << 16 |
		    image_be16(p + 18));
		*h = (double)((unsigned long)image_be16(p + 20) << 16 |
		    image_be16(p + 22));
		return *w > 0 && *h > 0;
	}
	if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return 0;
	while (image_jpeg_next(p, n, &off, &seg) > 0)
		if (image_jpeg_sof(seg.marker) && seg.len >= 9) {
			*h = image_be16(p + seg.off + 5);
			*w = image_be16(p + seg.off + 7);
			return *w > 0 && *h > 0;
		}
	return 0;
}
