/* rencana: running one job per input file on N threads, in a fixed order of results. */
#ifndef RENCANA_BATCH_H
#define RENCANA_BATCH_H

#include <stddef.h>

#define BATCH_MAX_JOBS	64	/* more threads than this only cost memory */

/*
 * The memory budget of a batch: jobs run at once only while their estimated
 * peak memory adds up to at most BATCH_MEMORY_BUDGET.  One build takes about
 * BATCH_JOB_BASE plus BATCH_JOB_PER_BYTE times its plan's size (measured:
 * 14 MB for a 30 KB plan, 397 MB for a 3.6 MiB one; docs/performance.md).
 * 1 GiB lets -j 2 build two plans of the 4 MiB limit and -j 40 build
 * ordinary ones, on a machine a CI job gets.
 */
#define BATCH_MEMORY_BUDGET	(1024.0 * 1024 * 1024)
#define BATCH_JOB_BASE		(16.0 * 1024 * 1024)
#define BATCH_JOB_PER_BYTE	110.0

/* The jobs to run at once: `jobs`, lowered so that that many builds of the
 * largest plan (`largest` bytes) stay within the budget; at least 1. */
int	batch_jobs_for_memory(int jobs, size_t largest);

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
