/* rencana: UTF-8 <-> WinAnsiEncoding (Windows-1252), the PDF body text encoding. */
#ifndef RENCANA_WINANSI_H
#define RENCANA_WINANSI_H

#include <stddef.h>

/* The WinAnsi byte for a Unicode code point, or -1 when WinAnsi has none
 * (the PDF fonts then cannot show it). */
int	 winansi_from_cp(unsigned long cp);
/* The code point of a WinAnsi byte (0 for the five undefined bytes). */
unsigned long winansi_to_cp(unsigned char);
/* Decodes one UTF-8 sequence at s (len bytes left, valid UTF-8 assumed);
 * stores the code point and returns the bytes used (>= 1). */
size_t	 utf8_decode(const char *s, size_t len, unsigned long *cp);
/* Converts valid UTF-8 to WinAnsi.  Returns a new NUL-terminated string the
 * caller frees, with its length in *outlen.  A character WinAnsi lacks is
 * written as '?' and, when bad_off is not NULL and this is the first one,
 * its byte offset in s is stored there (else *bad_off is (size_t)-1). */
char	*winansi_from_utf8(const char *s, size_t len, size_t *outlen,
	    size_t *bad_off);
/* Writes the UTF-8 bytes of code point cp (below 0x110000) to out;
 * returns how many (1 to 4). */
size_t	 utf8_encode(unsigned long cp, char out[4]);
/* The characters (code points) of n bytes of UTF-8: its bytes that are not
 * continuation bytes. */
size_t	 utf8_count(const char *s, size_t n);
/* Is byte c the first of a UTF-8 character (not 0x80-0xBF)? */
#define UTF8_START(c)	(((unsigned char)(c) & 0xC0) != 0x80)
/* Is cp a letter of the blocks beyond WinAnsi's: Latin Extended A, B
 * and Additional, Greek and Cyrillic?  (WinAnsi's own letters are told by
 * their bytes.) */
int	 unicode_is_letter(unsigned long cp);
/* Converts WinAnsi bytes to a new UTF-8 string the caller frees. */
char	*winansi_to_utf8(const char *s, size_t len);

#endif
