/*
 * rencana: replays fuzz inputs through a harness in the ordinary build, so
 * `make check` runs every corpus file and every past crash (libFuzzer is not
 * needed).  Usage: replay-NAME FILE...   Prints "N passed, 0 failed".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *data = NULL;
		size_t len = 0, cap = 0, r;

		if (f == NULL) {
			perror(argv[i]);
			return 1;
		}
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 65536;
				data = realloc(data, cap);
				if (data == NULL)
					return 1;
			}
			r = fread(data + len, 1, cap - len, f);
			len += r;
		} while (r > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(data, len);
		free(data);
		n++;
	}
	printf("replay: %d passed, 0 failed\n", n);
	return 0;
}
