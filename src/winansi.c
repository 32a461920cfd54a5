/* rencana: UTF-8 <-> WinAnsiEncoding conversion (Latin-1 plus 27 characters at 0x80-0x9F). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "winansi.h"
#include "xalloc.h"

/* Code points of bytes 0x80..0x9F; 0 where the byte is undefined. */
static const unsigned short high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

int
winansi_from_cp(unsigned long cp)
{
	int i;

	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (i = 0; i < 32; i++)
		if (high[i] != 0 && high[i] == cp)
			return 0x80 + i;
	return -1;
}

unsigned long
winansi_to_cp(unsigned char c)
{
	if (c >= 0x80 && c <= 0x9F)
		return high[c - 0x80];
	return c;
}

size_t
utf8_decode(const char *str, size_t len, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;

	if (len == 0) {
		*cp = 0;
		return 1;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xF0) {
		n = 4;
		*cp = s[0] & 0x07;
	} else if (s[0] >= 0xE0) {
		n = 3;
		*cp = s[0] & 0x0F;
	} else if (s[0] >= 0xC0) {
		n = 2;
		*cp = s[0] & 0x1F;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n > len) {
		*cp = 0xFFFD;
		return len;
	}
	for (i = 1; i < n; i++)
		*cp = (*cp << 6) | (s[i] & 0x3F);
	return n;
}

char *
winansi_from_utf8(const char *s, size_t len, size_t *outlen, size_t *bad_off)
{
	char *out = xmalloc(len + 1);
	size_t i = 0, o = 0;

	if (bad_off)
		*bad_off = (size_t)-1;
	while (i < len) {
		unsigned long cp;
		size_t n;
		int b;

		/* ASCII, most of any plan, is itself (NUL included) */
		if ((unsigned char)s[i] < 0x80) {
			out[o++] = s[i++];
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		b = winansi_from_cp(cp);

		if (b < 0) {
			if (bad_off && *bad_off == (size_t)-1)
				*bad_off = i;
			b = '?';
		}
		out[o++] = (char)b;
		i += n;
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

size_t
utf8_encode(unsigned long cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
unicode_is_letter(unsigned long cp)
{
	return (cp >= 0x100 && cp < 0x250) || (cp >= 0x370 && cp < 0x530 &&
	    cp != 0x37E && cp != 0x387) || (cp >= 0x1E00 && cp < 0x1F00);
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += UTF8_START(s[i]);
	return k;
}

char *
winansi_to_utf8(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		char u[4];

		buf_put(&b, u, utf8_encode(winansi_to_cp((unsigned char)s[i]), u));
	}
	return buf_detach(&b);
}
