/*
 * rencana: TrueType faces through HarfBuzz, and their subsets for the PDF
 * (font.h).  Choices, each for a reason:
 * - HarfBuzz, not libharu, parses the fonts: libharu 2.3.0 parses all four
 *   files eagerly (cmap, hmtx, glyph names: about 70% of a 10-page
 *   build's instructions) and cannot subset; HarfBuzz reads tables lazily
 *   from a mapped file and its subsetter is well kept (issue 17).
 * - One face per font file per process, in a list guarded by a mutex: a
 *   batch's plans and threads share it read-only (HarfBuzz's face and font
 *   objects are safe to read from several threads).  The list is short (a
 *   few files), so a linear search is enough.
 * - Subsets keep glyph ids (RETAIN_GIDS), so a PDF content stream can
 *   name glyphs by their id while the pages are drawn, before the subset
 *   is known; the unused ids cost a few zero bytes of loca and hmtx.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "buf.h"
#include "font.h"
#include "xalloc.h"

/* Subsets made so far: a batch's plans mostly draw the same glyphs. */
#define SUBSETS_KEPT	8

struct subset {
	unsigned char	*used;		/* the glyph bits, NULL for none */
	struct buf	 font;
};

struct font_face {
	struct font_face	*next;
	char			*path;
	hb_face_t		*face;
	hb_font_t		*font;
	unsigned		 upem, nglyph;
	struct subset		 kept[SUBSETS_KEPT];	/* under cache_lock */
	unsigned		 next_kept;
};

static pthread_mutex_t	 cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct font_face	*cache;

struct mapping {
	void	*p;
	size_t	 len;
};

static void
unmap(void *user)
{
	struct mapping *m = user;

	munmap(m->p, m->len);
	free(m);
}

/* A blob over the mapped file (the mapping is released with the blob). */
static hb_blob_t *
map_file(int fd)
{
	struct mapping *m;
	struct stat st;
	void *p;

	if (fstat(fd, &st) != 0 || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > 0x7fffffffULL ||
	    (p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED)
		return NULL;
	/* Only the pages HarfBuzz reads count in memory: no read-ahead
	 * around them (a page of each glyph drawn, not the whole file). */
	(void)posix_madvise(p, (size_t)st.st_size, POSIX_MADV_RANDOM);
	m = xmalloc(sizeof(*m));
	m->p = p;
	m->len = (size_t)st.st_size;
	return hb_blob_create(p, (unsigned)m->len, HB_MEMORY_MODE_READONLY,
	    m, unmap);
}

const struct font_face *
font_face_get(const char *path, int fd)
{
	struct font_face *f;
	hb_blob_t *blob;

	pthread_mutex_lock(&cache_lock);
	for (f = cache; f != NULL; f = f->next)
		if (strcmp(f->path, path) == 0)
			goto out;
	if ((blob = map_file(fd)) == NULL)
		goto out;
	f = xcalloc(1, sizeof(*f));
	f->face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	f->upem = hb_face_get_upem(f->face);
	f->nglyph = hb_face_get_glyph_count(f->face);
	if (f->nglyph == 0 || f->upem == 0) {
		hb_face_destroy(f->face);
		free(f);
		f = NULL;
		goto out;
	}
	f->font = hb_font_create(f->face);
	hb_font_make_immutable(f->font);
	hb_face_make_immutable(f->face);
	f->path = xstrdup(path);
	if (cache == NULL)
		atexit(font_cache_clear);	/* valgrind sees no leak */
	f->next = cache;
	cache = f;
out:
	pthread_mutex_unlock(&cache_lock);
	return f;
}

void
font_cache_clear(void)
{
	struct font_face *f, *next;
	unsigned i;

	pthread_mutex_lock(&cache_lock);
	for (f = cache; f != NULL; f = next) {
		next = f->next;
		for (i = 0; i < SUBSETS_KEPT; i++) {
			free(f->kept[i].used);
			buf_free(&f->kept[i].font);
		}
		hb_font_destroy(f->font);
		hb_face_destroy(f->face);
		free(f->path);
		free(f);
	}
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
}

unsigned
font_glyph_count(const struct font_face *f)
{
	return f->nglyph;
}

unsigned
font_glyph(const struct font_face *f, unsigned long cp)
{
	hb_codepoint_t g;

	if (cp > 0x10FFFF || !hb_font_get_nominal_glyph(f->font,
	    (hb_codepoint_t)cp, &g) || g >= f->nglyph)
		return 0;
	return g;
}

unsigned
font_advance(const struct font_face *f, unsigned gid)
{
	hb_position_t a = hb_font_get_glyph_h_advance(f->font, gid);

	return a <= 0 ? 0 : (unsigned)((unsigned long)a * 1000 / f->upem);
}

/* A big-endian number at off in table tag, or 0 when the table is short. */
static long
table_num(const struct font_face *f, const char *tag, unsigned off,
    int bytes, int sign)
{
	hb_blob_t *b = hb_face_reference_table(f->face,
	    HB_TAG(tag[0], tag[1], tag[2], tag[3]));
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(b,
	    &len);
	unsigned long v = 0;
	int i;

	if (p != NULL && off + (unsigned)bytes <= len)
		for (i = 0; i < bytes; i++)
			v = v << 8 | p[off + (unsigned)i];
	hb_blob_destroy(b);
	if (sign && bytes == 2 && v >= 0x8000)
		return (long)v - 0x10000;
	if (sign && bytes == 4 && v >= 0x80000000UL)
		return (long)v - 0x100000000L;
	return (long)v;
}

/* Font units to 1/1000 em, truncated toward zero as libharu did. */
static int
per_mille(const struct font_face *f, long v)
{
	return (int)(v * 1000 / (long)f->upem);
}

void
font_get_info(const struct font_face *f, struct font_info *fi)
{
	char name[64];
	unsigned len = sizeof(name), i, n = 0;
	hb_position_t cap;
	long weight;

	memset(fi, 0, sizeof(*fi));
	if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &len, name) == 0)
		len = 0;
	for (i = 0; i < len && name[i] != '\0'; i++) {
		char c = name[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')
			fi->psname[n++] = c;
	}
	if (n == 0)
		strcpy(fi->psname, "Font");
	fi->ascent = per_mille(f, table_num(f, "hhea", 4, 2, 1));
	fi->descent = per_mille(f, table_num(f, "hhea", 6, 2, 1));
	for (i = 0; i < 4; i++)
		fi->bbox[i] = per_mille(f, table_num(f, "head", 36 + 2 * i, 2,
		    1));
	if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT,
	    &cap))
		fi->cap_height = per_mille(f, cap);
	else
		fi->cap_height = fi->ascent;
	fi->italic_angle = (double)table_num(f, "post", 4, 4, 1) / 65536.0;
	fi->fixed_pitch = table_num(f, "post", 12, 4, 0) != 0;
	/* No font table holds StemV; this is the usual estimate from the
	 * weight class (400 gives 96, 700 gives 164). */
	weight = table_num(f, "OS/2", 4, 2, 0);
	fi->stem_v = weight > 50 ? 10 + (int)((weight - 50) * 220 / 900) : 80;
}

/* Copies a kept subset of these glyphs to out; 0, or -1 if none. */
static int
kept_subset(const struct font_face *f, const unsigned char *used,
    struct buf *out)
{
	size_t n = f->nglyph / 8 + 1;
	unsigned i;
	int rc = -1;

	pthread_mutex_lock(&cache_lock);
	for (i = 0; i < SUBSETS_KEPT && rc != 0; i++)
		if (f->kept[i].used != NULL &&
		    memcmp(f->kept[i].used, used, n) == 0) {
			buf_put(out, f->kept[i].font.data, f->kept[i].font.len);
			rc = 0;
		}
	pthread_mutex_unlock(&cache_lock);
	return rc;
}

/* Keeps a subset (the oldest kept one gives way); the face is shared,
 * its list changes under the lock only. */
static void
keep_subset(const struct font_face *cf, const unsigned char *used,
    const char *data, size_t len)
{
	struct font_face *f = (struct font_face *)cf;
	size_t n = f->nglyph / 8 + 1;
	struct subset *k;

	pthread_mutex_lock(&cache_lock);
	k = &f->kept[f->next_kept];
	f->next_kept = (f->next_kept + 1) % SUBSETS_KEPT;
	free(k->used);
	k->used = xmalloc(n);
	memcpy(k->used, used, n);
	buf_truncate(&k->font, 0);
	buf_put(&k->font, data, len);
	pthread_mutex_unlock(&cache_lock);
}

int
font_subset(const struct font_face *f, const unsigned char *used,
    struct buf *out)
{
	static const char *const drop[] = {
		"cmap", "GSUB", "GPOS", "GDEF", "kern", "gasp", "hdmx",
		"LTSH", "VDMX", "FFTM", "DSIG", "BASE", "JSTF", "MATH", "PCLT"
	};
	hb_subset_input_t *in;
	hb_face_t *sub;
	hb_blob_t *blob;
	hb_set_t *s;
	const char *data;
	unsigned g, len, i;
	int rc = -1;

	if (kept_subset(f, used, out) == 0)
		return 0;
	if ((in = hb_subset_input_create_or_fail()) == NULL)
		return -1;
	s = hb_subset_input_glyph_set(in);
	hb_set_add(s, 0);
	for (g = 0; g < f->nglyph; g++)
		if (used[g / 8] & (1u << (g % 8)))
			hb_set_add(s, g);
	s = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(s, HB_TAG(drop[i][0], drop[i][1], drop[i][2],
		    drop[i][3]));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
	    HB_SUBSET_FLAGS_NO_HINTING);
	if ((sub = hb_subset_or_fail(f->face, in)) != NULL) {
		blob = hb_face_reference_blob(sub);
		data = hb_blob_get_data(blob, &len);
		if (data != NULL && len > 0) {
			buf_put(out, data, len);
			keep_subset(f, used, data, len);
			rc = 0;
		}
		hb_blob_destroy(blob);
		hb_face_destroy(sub);
	}
	hb_subset_input_destroy(in);
	return rc;
}
