/*
 * rencana: QR codes (libqrencode; qr.c is the only file that includes
 * qrencode.h).
 */
#ifndef RENCANA_QR_H
#define RENCANA_QR_H

/*
 * The modules of a QR code holding the bytes of text (8-bit mode, error
 * correction level M, the smallest version they fit): *width modules a
 * side, (*dark)[y * width + x] 1 for a dark module, row 0 at the top (a
 * new array the caller frees).  The quiet zone is not included.  Returns
 * 0, or -1 when text is too long for any version or libqrencode fails.
 * The same text always gives the same modules.
 */
int	qr_encode(const char *text, unsigned char **dark, int *width);
/* libqrencode's version, for --version. */
const char *qr_lib_version(void);

#endif
