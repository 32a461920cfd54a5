/*
 * rencana: a ZIP archive built in memory through libzip (the DOCX
 * container).  Deterministic: entries in the order added, one fixed time
 * for all of them written as a DOS date in UTC, deflate at one level, no
 * extra fields and no archive comment.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "xalloc.h"
#include "zipout.h"

/*
 * libzip is loaded (dlopen) when the first archive is made or read, not
 * when the program starts: only `--to docx` needs it, and loading it with
 * libcrypto, which it pulls in, cost every PDF build about a millisecond
 * of start-up (docs/performance.md).  ZIPOUT_SONAME is the library the
 * headers belong to (Debian's libzip4 for libzip-dev).
 */
#ifndef ZIPOUT_SONAME
#define ZIPOUT_SONAME	"libzip.so.4"
#endif
#define ZIP_FUNCS(F) F(zip_error_init) F(zip_error_fini) F(zip_source_buffer_create) \
	F(zip_open_from_source) F(zip_source_free) F(zip_source_keep) \
	F(zip_source_buffer) F(zip_file_add) F(zip_set_file_compression) \
	F(zip_file_set_dostime) F(zip_close) F(zip_discard) F(zip_source_open) \
	F(zip_source_stat) F(zip_stat_init) F(zip_source_read) \
	F(zip_source_close) F(zip_name_locate) F(zip_fopen_index) F(zip_fread) \
	F(zip_fclose) F(zip_libzip_version)
#define F(name) static __typeof__(name) *p_##name;
ZIP_FUNCS(F)
#undef F
static pthread_once_t	 zip_once = PTHREAD_ONCE_INIT;
static int		 zip_loaded;

static void
zip_load(void)
{
	void *h = dlopen(ZIPOUT_SONAME, RTLD_NOW | RTLD_LOCAL), *sym;

	if (h == NULL)
		return;
#define F(name) if ((sym = dlsym(h, #name)) == NULL) return; \
	memcpy(&p_##name, &sym, sizeof(sym));
	ZIP_FUNCS(F)
#undef F
	zip_loaded = 1;
}

/* 0 when libzip is loaded; else -1 and *why. */
static int
zip_ready(const char **why)
{
	pthread_once(&zip_once, zip_load);
	if (!zip_loaded && why != NULL)
		*why = "libzip (" ZIPOUT_SONAME ", Debian package libzip4) cannot be loaded";
	return zip_loaded ? 0 : -1;
}

#define zip_error_init		p_zip_error_init
#define zip_error_fini		p_zip_error_fini
#define zip_source_buffer_create p_zip_source_buffer_create
#define zip_open_from_source	p_zip_open_from_source
#define zip_source_free		p_zip_source_free
#define zip_source_keep		p_zip_source_keep
#define zip_source_buffer	p_zip_source_buffer
#define zip_file_add		p_zip_file_add
#define zip_set_file_compression p_zip_set_file_compression
#define zip_file_set_dostime	p_zip_file_set_dostime
#define zip_close		p_zip_close
#define zip_discard		p_zip_discard
#define zip_source_open		p_zip_source_open
#define zip_source_stat		p_zip_source_stat
#define zip_stat_init		p_zip_stat_init
#define zip_source_read		p_zip_source_read
#define zip_source_close	p_zip_source_close
#define zip_name_locate		p_zip_name_locate
#define zip_fopen_index		p_zip_fopen_index
#define zip_fread		p_zip_fread
#define zip_fclose		p_zip_fclose
#define zip_libzip_version	p_zip_libzip_version

/*
 * Limits: an entry is at most what fits in memory twice (our copy, then
 * libzip's compressed one); the archive is built in memory whole, so that
 * output.c can write it in one piece.
 */

struct zipout {
	zip_source_t	*src;		/* the archive's bytes, in memory */
	zip_t		*za;
	zip_uint16_t	 dtime, ddate;	/* MS-DOS time and date */
};

/* MS-DOS time and date of epoch seconds, in UTC (1980..2107). */
static void
dos_time(long long epoch, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm tm;
	time_t t = (time_t)epoch;

	if (epoch < 315532800LL)	/* 1980-01-01 */
		t = 315532800;
	if (epoch > 4354819199LL)	/* 2107-12-31 */
		t = (time_t)4354819199LL;
	gmtime_r(&t, &tm);
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) |
	    (tm.tm_sec / 2));
	*ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) |
	    ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

struct zipout *
zipout_new(long long epoch, const char **why)
{
	struct zipout *z;
	zip_error_t err;

	if (zip_ready(why) != 0)
		return NULL;
	z = xcalloc(1, sizeof(*z));
	zip_error_init(&err);
	dos_time(epoch, &z->dtime, &z->ddate);
	if ((z->src = zip_source_buffer_create(NULL, 0, 0, &err)) == NULL ||
	    (z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &err)) == NULL) {
		*why = "libzip cannot start an archive in memory";
		if (z->src != NULL)
			zip_source_free(z->src);
		zip_error_fini(&err);
		free(z);
		return NULL;
	}
	/* the archive owns the source now; keep it past zip_close */
	zip_source_keep(z->src);
	zip_error_fini(&err);
	return z;
}

int
zipout_add(struct zipout *z, const char *name, const void *data, size_t n,
    const char **why)
{
	void *copy = xmalloc(n > 0 ? n : 1);
	zip_source_t *s;
	zip_int64_t i;

	memcpy(copy, data, n);
	if ((s = zip_source_buffer(z->za, copy, n, 1)) == NULL) {
		free(copy);
		*why = "libzip cannot take an entry";
		return -1;
	}
	if ((i = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		*why = "libzip cannot add an entry";
		return -1;
	}
	if (zip_set_file_compression(z->za, (zip_uint64_t)i, ZIP_CM_DEFLATE,
	    9) != 0 || zip_file_set_dostime(z->za, (zip_uint64_t)i, z->dtime,
	    z->ddate, 0) != 0) {
		*why = "libzip cannot set an entry's compression or time";
		return -1;
	}
	return 0;
}

int
zipout_finish(struct zipout *z, struct buf *out, const char **why)
{
	zip_stat_t st;
	zip_int64_t got;
	size_t start = out->len;
	char chunk[65536];
	int rc = -1;

	if (zip_close(z->za) != 0) {
		*why = "libzip cannot close the archive";
		zip_discard(z->za);
		goto out;
	}
	z->za = NULL;
	zip_stat_init(&st);
	if (zip_source_stat(z->src, &st) != 0 || zip_source_open(z->src) != 0) {
		*why = "libzip cannot read the archive back";
		goto out;
	}
	while ((got = zip_source_read(z->src, chunk, sizeof(chunk))) > 0)
		buf_put(out, chunk, (size_t)got);
	zip_source_close(z->src);
	if (got < 0 || (st.valid & ZIP_STAT_SIZE && out->len - start != st.size)) {
		buf_truncate(out, start);
		*why = "libzip cannot read the archive back";
		goto out;
	}
	rc = 0;
out:
	z->za = NULL;
	zipout_free(z);
	return rc;
}

void
zipout_free(struct zipout *z)
{
	if (z == NULL)
		return;
	if (z->za != NULL)
		zip_discard(z->za);
	zip_source_free(z->src);
	free(z);
}

int
zipout_entry(const void *zip, size_t n, const char *name, struct buf *out,
    long *index)
{
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *f;
	zip_int64_t i, got;
	char chunk[65536];
	int rc = -1;

	if (zip_ready(NULL) != 0)
		return -1;
	zip_error_init(&err);
	if ((src = zip_source_buffer_create(zip, n, 0, &err)) == NULL) {
		zip_error_fini(&err);
		return -1;
	}
	if ((za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &err)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	if ((i = zip_name_locate(za, name, 0)) >= 0 &&
	    (f = zip_fopen_index(za, (zip_uint64_t)i, 0)) != NULL) {
		while ((got = zip_fread(f, chunk, sizeof(chunk))) > 0)
			buf_put(out, chunk, (size_t)got);
		zip_fclose(f);
		*index = (long)i;
		rc = got < 0 ? -1 : 0;
	}
	zip_discard(za);	/* frees src too */
	zip_error_fini(&err);
	return rc;
}

const char *
zipout_lib_version(void)
{
	return zip_ready(NULL) == 0 ? zip_libzip_version() : LIBZIP_VERSION;
}
