/* rencana: fuzz harness: YAML loader and validator on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "plan.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl;
	struct plan *pl;

	diag_init(&dl);
	pl = plan_load_buffer("fuzz.yaml", (const char *)data, size, &dl);
	/* As `rencana check` does: validate whatever tree was loaded, also
	 * after errors that leave the tree complete. */
	if (pl != NULL && pl->root != NULL)
		validate_plan(pl, &dl);
	diag_sort(&dl);
	plan_free(pl);
	diag_free(&dl);
	return 0;
}
