/* rencana: running one job per input file on N threads, in a fixed order of results. */
#ifndef RENCANA_BATCH_H
#define RENCANA_BATCH_H

#include <stddef.h>

#define BATCH_MAX_JOBS	64	/* more threads than this only cost memory */

/*
 * Calls fn(ctx, i) for i in 0..n-1 on `jobs` threads (1 = in this thread).
 * Jobs are taken in index order; each writes only its own slot of whatever
 * ctx holds, so results stay in input order whatever the timing.  When
 * `progress` is set, a line "[k/n] name" is kept up to date on stderr
 * (name(ctx, i) gives the name).  Once batch_interrupted() is true no new
 * job starts.  Returns the number of jobs run.
 */
size_t	batch_run(size_t n, int jobs, void (*fn)(void *ctx, size_t i),
	    void *ctx, int progress, const char *(*name)(void *ctx, size_t i));
/* Installs SIGINT/SIGTERM handlers that make batch_interrupted() true. */
void	batch_catch_signals(void);
int	batch_interrupted(void);

#endif
