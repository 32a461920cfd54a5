/*
 * rencana: packs a finished PDF's objects into object streams with a
 * cross-reference stream (PDF 1.5), and deflates the document's streams:
 * the only libdeflate.h user.  libharu 2.3.0
 * writes every dictionary as plain text with a 20-byte xref line: on a
 * 100-page document a third of the file (issue 17).
 */
#ifndef RENCANA_PDFPACK_H
#define RENCANA_PDFPACK_H

#include <stddef.h>

struct buf;

/*
 * Appends to out the PDF in[0..len) with every object that is not a
 * stream moved into compressed object streams, and a compressed
 * cross-reference stream in place of the xref table.  Streams are copied
 * byte for byte; numbers, Root and Info are kept.  Same input, same bytes.
 * Returns 0, or -1 when the input is not laid out as libharu writes it
 * (one xref table, a trailer, `N 0 obj` ... `endobj`): out is then
 * unchanged and the caller keeps the input.
 */
int	pdfpack(const char *in, size_t len, struct buf *out);

/*
 * A deflater for one document's streams (FlateDecode: zlib format), kept
 * so that its tables are made once, not once a stream.  level: 1 (fast)
 * to 12 (small); the same input and level give the same bytes.
 */
struct deflater;

struct deflater	*deflater_new(int level);
/* Appends in[0..n) deflated to out; 0, or -1 (out unchanged). */
int		 deflater_put(struct deflater *, const void *in, size_t n,
		    struct buf *out);
void		 deflater_free(struct deflater *);

#endif
