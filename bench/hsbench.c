/*
 * hsbench.c - the benchmark's raw Vectorscan reference: the patterns of
 * a file (one a line: `piiscan --export-patterns --format vectorscan`,
 * the context-free rules' patterns widened as piiscan hands them to
 * Vectorscan) in one block-mode database, scanned over a whole file
 * once, the matches counted and nothing else done with them: what a
 * scanner built on Vectorscan costs before it confirms, validates,
 * weighs context or writes anything.
 *
 *   hsbench PATTERNS FILE    prints "N matches"
 */
#include <fcntl.h>
#include <hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PATTERNS 1024

static int on_match(unsigned id, unsigned long long from, unsigned long long to,
		    unsigned flags, void *ctx)
{
	(*(unsigned long long *)ctx)++;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: hsbench PATTERNS FILE\n");
		return 2;
	}
	FILE *pf = fopen(argv[1], "r");
	if (!pf) {
		perror(argv[1]);
		return 2;
	}
	static char *pats[MAX_PATTERNS];
	static unsigned flags[MAX_PATTERNS], ids[MAX_PATTERNS];
	unsigned n = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	while (n < MAX_PATTERNS && (got = getline(&line, &cap, pf)) > 0) {
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = 0;
		if (!got)
			continue;
		pats[n] = strdup(line);
		ids[n] = n;
		n++;
	}
	free(line);
	fclose(pf);
	hs_database_t *db = NULL;
	hs_compile_error_t *cerr = NULL;
	if (!n || hs_compile_multi((const char *const *)pats, flags, ids, n, HS_MODE_BLOCK, NULL,
				   &db, &cerr) != HS_SUCCESS) {
		fprintf(stderr, "hsbench: pattern %d: %s\n", cerr ? cerr->expression : -1,
			cerr ? cerr->message : "no patterns");
		return 2;
	}
	int fd = open(argv[2], O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		perror(argv[2]);
		return 2;
	}
	const char *data = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)
				      : "";
	if (data == MAP_FAILED) {
		perror(argv[2]);
		return 2;
	}
	hs_scratch_t *scratch = NULL;
	if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
		fprintf(stderr, "hsbench: out of memory\n");
		return 2;
	}
	/* block mode takes at most 4 GB at a time: a larger file in blocks
	 * of 1 GB (a match across their edge is lost, as in any block-mode
	 * scanner without overlap) */
	unsigned long long matches = 0;
	for (off_t off = 0; off < st.st_size;) {
		size_t len = (size_t)(st.st_size - off);
		if (len > (1u << 30))
			len = 1u << 30;
		if (hs_scan(db, data + off, (unsigned)len, 0, scratch, on_match, &matches) !=
		    HS_SUCCESS) {
			fprintf(stderr, "hsbench: scan failed\n");
			return 2;
		}
		off += (off_t)len;
	}
	printf("%llu matches\n", matches);
	hs_free_scratch(scratch);
	hs_free_database(db);
	for (unsigned k = 0; k < n; k++)
		free(pats[k]);
	return 0;
}
