/* rencana: a small work queue: one job per input file, N threads, ordered results. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "xalloc.h"

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

void
batch_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

int
batch_interrupted(void)
{
	return interrupted != 0;
}

int
batch_jobs_for_memory(int jobs, size_t largest)
{
	double each = BATCH_JOB_BASE + BATCH_JOB_PER_BYTE * (double)largest;
	double fit = BATCH_MEMORY_BUDGET / each;

	if (fit < 1)
		return 1;
	return (double)jobs > fit ? (int)fit : jobs;
}

struct queue {
	pthread_mutex_t	 lock;
	size_t		 next;		/* next index to hand out */
	size_t		 done;		/* jobs finished */
	size_t		 n;
	void		(*fn)(void *, size_t);
	const char	*(*name)(void *, size_t);
	void		*ctx;
	int		 progress;
};

static void
show_progress(struct queue *q, size_t i)
{
	const char *nm = q->name ? q->name(q->ctx, i) : "";

	fprintf(stderr, "\r\033[K[%zu/%zu] %s", q->done, q->n, nm);
	if (q->done == q->n)
		fputc('\n', stderr);
	fflush(stderr);
}

static void *
worker(void *arg)
{
	struct queue *q = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&q->lock);
		if (q->next >= q->n || interrupted) {
			pthread_mutex_unlock(&q->lock);
			return NULL;
		}
		i = q->next++;
		pthread_mutex_unlock(&q->lock);
		q->fn(q->ctx, i);
		pthread_mutex_lock(&q->lock);
		q->done++;
		if (q->progress)
			show_progress(q, i);
		pthread_mutex_unlock(&q->lock);
	}
}

size_t
batch_run(size_t n, int jobs, void (*fn)(void *, size_t), void *ctx,
    int progress, const char *(*name)(void *, size_t))
{
	struct queue q;
	pthread_t *tid;
	int i, started = 0;

	memset(&q, 0, sizeof(q));
	pthread_mutex_init(&q.lock, NULL);
	q.n = n;
	q.fn = fn;
	q.ctx = ctx;
	q.name = name;
	q.progress = progress;
	if (jobs < 1)
		jobs = 1;
	if (jobs > BATCH_MAX_JOBS)
		jobs = BATCH_MAX_JOBS;
	if ((size_t)jobs > n)
		jobs = n ? (int)n : 1;
	if (jobs == 1) {
		worker(&q);
	} else {
		tid = xcalloc((size_t)jobs, sizeof(*tid));
		for (i = 0; i < jobs; i++)
			if (pthread_create(&tid[i], NULL, worker, &q) == 0)
				started++;
			else
				break;
		if (started == 0)
			worker(&q);
		for (i = 0; i < started; i++)
			pthread_join(tid[i], NULL);
		free(tid);
	}
	if (progress && q.done != q.n)
		fputc('\n', stderr);
	pthread_mutex_destroy(&q.lock);
	return q.done;
}
