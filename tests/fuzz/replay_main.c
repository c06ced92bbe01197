/* replay_main.c - run a libFuzzer target on files and folders of inputs, without libFuzzer */
/*
 * Linked with each fuzz target in builds without MESDB_FUZZ, so the targets
 * compile everywhere and their seed corpora run under ctest (and under the
 * sanitizers in the MESDB_SANITIZE build). Usage: TARGET PATH...: every
 * regular file named, and every regular file directly inside a folder named,
 * is one input. Exit 0 when all ran; a crash is the failure.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f) {
		perror(path);
		return -1;
	}
	for (;;) {
		size_t n;
		if (cap - len < 4096) {
			unsigned char *nb = realloc(buf, cap ? 2 * cap : 8192);
			if (!nb) {
				fclose(f);
				free(buf);
				return -1;
			}
			buf = nb;
			cap = cap ? 2 * cap : 8192;
		}
		n = fread(buf + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int i, inputs = 0, bad = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) < 0) {
			perror(argv[i]);
			bad++;
		} else if (S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *de;
			if (!d) {
				perror(argv[i]);
				bad++;
				continue;
			}
			while ((de = readdir(d)) != NULL) {
				char path[4096];
				struct stat fst;
				snprintf(path, sizeof(path), "%s/%s", argv[i], de->d_name);
				if (stat(path, &fst) == 0 && S_ISREG(fst.st_mode)) {
					bad += run_file(path) < 0;
					inputs++;
				}
			}
			closedir(d);
		} else {
			bad += run_file(argv[i]) < 0;
			inputs++;
		}
	}
	printf("%d inputs ran, %d could not be read\n", inputs, bad);
	return bad ? 1 : 0;
}
