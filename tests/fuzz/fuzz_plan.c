/* rencana: fuzz harness: YAML loader and validator on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "plan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl;
	struct plan *pl;

	diag_init(&dl);
	pl = plan_load_buffer("fuzz.yaml", (const char *)data, size, &dl);
	diag_sort(&dl);
	plan_free(pl);
	diag_free(&dl);
	return 0;
}
