/*
 * rencana: fuzz harness: the whole build, plan bytes to PDF bytes: loader,
 * validator, template, Markdown, layout and libharu.  Invalid plans stop
 * after validation, as `rencana build` does, so most inputs stay fast.  A
 * plan that `check` accepts (build_check) and build_pdf then refuses
 * aborts: check and build must agree (issue 10).  The
 * PDF goes to a per-process file in $TMPDIR (/dev/shm when present: memory,
 * not disk) and is removed after each input.  Templates come from
 * ./templates, fonts from pdf_default_fontdir(), so run from the repository.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "build.h"
#include "diag.h"
#include "pdf.h"
#include "plan.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 out_path[256];
static char	*fontdir;

static void
setup(void)
{
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";

	snprintf(out_path, sizeof(out_path), "%s/rencana-fuzz-%ld.pdf", dir,
	    (long)getpid());
	fontdir = pdf_default_fontdir();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl;
	struct plan *pl;

	if (fontdir == NULL)
		setup();
	diag_init(&dl);
	pl = plan_load_buffer("fuzz.yaml", (const char *)data, size, &dl);
	if (pl != NULL && pl->root != NULL) {
		validate_plan(pl, &dl);
		/* What check accepts (every stage short of writing),
		 * build must write: a disagreement is a crash here. */
		if (dl.nerror == 0 &&
		    build_check(pl, NULL, fontdir, &dl) == PDF_OK &&
		    dl.nerror == 0) {
			if (build_pdf(pl, NULL, fontdir, out_path, &dl) != PDF_OK)
				abort();
			unlink(out_path);
		}
	}
	diag_sort(&dl);
	plan_free(pl);
	diag_free(&dl);
	return 0;
}
