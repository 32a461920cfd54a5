/*
 * rencana: runs a command several times and prints, for the fastest run,
 * wall-clock milliseconds, CPU milliseconds (user + system, the command and
 * its children) and peak resident memory in KiB (getrusage of the child).
 *
 *   build/bench-measure RUNS COMMAND [ARG...]
 *
 * Prints "wall_ms cpu_ms peak_kib" on one line; exits 1 when a run fails.
 * Part of `make bench` (bench/run.sh); not part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
ms(struct timeval tv)
{
	return tv.tv_sec * 1e3 + tv.tv_usec / 1e3;
}

int
main(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[1]) : 0, i;
	double best = -1, best_cpu = 0;
	long peak = 0;

	if (runs < 1) {
		fputs("usage: bench-measure RUNS COMMAND [ARG...]\n", stderr);
		return 2;
	}
	for (i = 0; i < runs; i++) {
		struct timespec t0, t1;
		struct rusage ru;
		pid_t pid;
		int st;
		double wall;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if ((pid = fork()) < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			execvp(argv[2], argv + 2);
			perror(argv[2]);
			_exit(127);
		}
		if (wait4(pid, &st, 0, &ru) < 0) {
			perror("wait4");
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "bench-measure: `%s` failed (status %d)\n",
			    argv[2], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
			return 1;
		}
		wall = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
		if (best < 0 || wall < best) {
			best = wall;
			best_cpu = ms(ru.ru_utime) + ms(ru.ru_stime);
		}
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	printf("%.1f %.1f %ld\n", best, best_cpu, peak);
	return 0;
}
