/*
 * rencana: fuzz harness: a template folder from elsewhere.  Input: the
 * folder's gaya.yaml, a NUL byte, then its main template dokumen.md.mustache
 * (no NUL: the shipped main template).  The other files are those of
 * templates/rencana-pengembangan and its base, written once as one folder
 * (folder_copy, `rencana template copy`) into a per-process folder in
 * $TMPDIR (/dev/shm when present).  The plan is examples/mataram-pengembangan
 * .yaml; the build goes as far as the laid-out pages (build_pages), so style
 * parsing, partial look-up, strict expansion, Markdown and layout all see
 * the input.  Run from the repository.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
#include "diag.h"
#include "folder.h"
#include "pdf.h"
#include "plan.h"
#include "validate.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define SRC_TEMPLATE	"templates/rencana-pengembangan"
#define SRC_PLAN	"examples/mataram-pengembangan.yaml"

static char		*dir, *fontdir;
static struct buf	 main_text = BUF_INIT;
static struct plan	*plan;
static struct diag_list	 plan_dl;

static void
put(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		abort();
	free(path);
}

/* Empties the per-process folder. */
static void
empty_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *p;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
}

/* The per-process folder goes when the process ends. */
static void
cleanup(void)
{
	empty_dir();
	rmdir(dir);
	free(dir);
	plan_free(plan);
	diag_free(&plan_dl);
	buf_free(&main_text);
	free(fontdir);
}

static void
setup(void)
{
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char *p;

	dir = xasprintf("%s/rencana-fuzz-folder-%ld", tmp, (long)getpid());
	if (mkdir(dir, 0700) != 0 && access(dir, W_OK) != 0)
		abort();
	empty_dir();	/* a crashed run's, with the same pid */
	diag_init(&plan_dl);
	if (folder_copy(SRC_TEMPLATE, dir, &plan_dl) != 0)
		abort();
	p = xasprintf("%s/dokumen.md.mustache", dir);
	if (buf_read_file(&main_text, p, 1 << 20) != 0)
		abort();
	free(p);
	plan = plan_load_file(SRC_PLAN, &plan_dl);
	if (plan == NULL || plan->root == NULL ||
	    validate_plan(plan, &plan_dl) != 0)
		abort();
	fontdir = pdf_default_fontdir();
	atexit(cleanup);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	struct diag_list dl;
	struct buf out = BUF_INIT;

	if (dir == NULL)
		setup();
	if (nul != NULL) {
		put("gaya.yaml", text, (size_t)(nul - text));
		put("dokumen.md.mustache", nul + 1, size - (size_t)(nul - text) - 1);
	} else {
		put("gaya.yaml", text, size);
		put("dokumen.md.mustache", buf_str(&main_text), main_text.len);
	}
	diag_init(&dl);
	build_pages(plan, dir, fontdir, &out, &dl);
	diag_sort(&dl);
	buf_free(&out);
	diag_free(&dl);
	return 0;
}
