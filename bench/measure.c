/*
 * rencana: runs a command several times and prints, for the fastest run,
 * wall-clock milliseconds, CPU milliseconds (user + system, the command and
 * its children) and peak resident memory in KiB (getrusage of the child).
 * Given two commands separated by `--`, it runs them in turn (A, B, A,
 * B, ...) and prints a line for each: on a machine whose speed drifts
 * (a shared VM) both then see the same conditions, so their ratio is fair.
 *
 *   build/bench-measure RUNS COMMAND [ARG...] [-- COMMAND [ARG...]]
 *
 * Prints "wall_ms cpu_ms peak_kib" per command, one line each; the
 * commands' own output is discarded.  Exits 1 when a run fails.  Part of
 * `make bench` (bench/run.sh); not part of `make check`.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct cmd {
	char	**argv;
	double	  best, best_cpu;	/* best < 0: no run yet */
	long	  peak;
};

static double
ms(struct timeval tv)
{
	return tv.tv_sec * 1e3 + tv.tv_usec / 1e3;
}

/* One run; 0, or -1 when it could not run or failed. */
static int
run(struct cmd *c)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int st, fd;
	double wall;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0) {
		perror("fork");
		return -1;
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, STDOUT_FILENO);
		execvp(c->argv[0], c->argv);
		perror(c->argv[0]);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0) {
		perror("wait4");
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "bench-measure: `%s` failed (status %d)\n",
		    c->argv[0], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return -1;
	}
	wall = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	if (c->best < 0 || wall < c->best) {
		c->best = wall;
		c->best_cpu = ms(ru.ru_utime) + ms(ru.ru_stime);
	}
	if (ru.ru_maxrss > c->peak)
		c->peak = ru.ru_maxrss;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cmd c[2];
	int runs = argc > 2 ? atoi(argv[1]) : 0, n = 1, i, k;

	if (runs < 1) {
		fputs("usage: bench-measure RUNS COMMAND [ARG...] "
		    "[-- COMMAND [ARG...]]\n", stderr);
		return 2;
	}
	memset(c, 0, sizeof(c));
	c[0].argv = argv + 2;
	for (i = 2; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			if (i + 1 < argc) {
				c[1].argv = argv + i + 1;
				n = 2;
			}
			break;
		}
	for (k = 0; k < n; k++)
		c[k].best = -1;
	for (i = 0; i < runs; i++)
		for (k = 0; k < n; k++)
			if (run(&c[k]) != 0)
				return 1;
	for (k = 0; k < n; k++)
		printf("%.1f %.1f %ld\n", c[k].best, c[k].best_cpu, c[k].peak);
	return 0;
}
