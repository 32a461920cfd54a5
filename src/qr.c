/*
 * rencana: QR codes through libqrencode (Debian libqrencode-dev), for the
 * verification address printed beside an electronically signed signature
 * block (layout_tte.c).  The only file that includes qrencode.h.
 */
#include <stdlib.h>

#include <qrencode.h>

#include "qr.h"
#include "xalloc.h"

int
qr_encode(const char *text, unsigned char **dark, int *width)
{
	QRcode *q;
	size_t i, n;

	*dark = NULL;
	*width = 0;
	if (text == NULL || *text == '\0')
		return -1;
	/* version 0: the smallest that holds the text; case-sensitive
	 * 8-bit mode keeps the address exactly as written */
	q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (q == NULL)
		return -1;
	n = (size_t)q->width * (size_t)q->width;
	*dark = xmalloc(n);
	for (i = 0; i < n; i++)
		(*dark)[i] = q->data[i] & 1;
	*width = q->width;
	QRcode_free(q);
	return 0;
}

const char *
qr_lib_version(void)
{
	return QRcode_APIVersionString();
}
