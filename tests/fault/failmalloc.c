/*
 * failmalloc.c - makes piiscan's own allocations fail, for the
 * out-of-memory test (tests/e2e/oom.sh). Loaded with LD_PRELOAD:
 *
 *   FAILMALLOC_EVERY=N   every Nth malloc, calloc, realloc, strdup or
 *                        strndup made by
 *                        code in the piiscan executable returns NULL
 *   FAILMALLOC_AFTER=K   the first K of them are left alone (start-up)
 *   FAILMALLOC_COUNT=1   at exit, print "failmalloc: N calls" on stderr
 *
 * Only calls from the executable fail: the libraries it uses (glib, for
 * one) abort on a failed allocation by design, and that is theirs to do.
 * The allocations themselves go to glibc's (__libc_malloc and friends).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <link.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);

static uintptr_t text_start, text_end;
static unsigned long every, after;
static atomic_ulong calls;

/* The executable's code: the first object dl_iterate_phdr lists. */
static int find_text(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
			text_start = info->dlpi_addr + ph->p_vaddr;
			text_end = text_start + ph->p_memsz;
		}
	}
	return 1; /* the first object only */
}

__attribute__((constructor)) static void setup(void)
{
	const char *e = getenv("FAILMALLOC_EVERY"), *a = getenv("FAILMALLOC_AFTER");
	every = e ? strtoul(e, NULL, 10) : 0;
	after = a ? strtoul(a, NULL, 10) : 0;
	dl_iterate_phdr(find_text, NULL);
}

__attribute__((destructor)) static void report(void)
{
	if (getenv("FAILMALLOC_COUNT")) {
		char line[64];
		int n = snprintf(line, sizeof(line), "failmalloc: %lu calls\n",
				 (unsigned long)atomic_load(&calls));
		if (write(2, line, (size_t)n) < 0)
			return;
	}
}

static int should_fail(const void *caller)
{
	uintptr_t c = (uintptr_t)caller;
	if (c < text_start || c >= text_end)
		return 0;
	unsigned long n = atomic_fetch_add(&calls, 1) + 1;
	return every && n > after && n % every == 0;
}

void *malloc(size_t size)
{
	if (should_fail(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
	if (should_fail(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
	if (should_fail(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, size);
}

/* strdup's own malloc call comes from libc: these count as the caller's. */
char *strdup(const char *s)
{
	if (should_fail(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	size_t n = strlen(s) + 1;
	char *p = __libc_malloc(n);
	return p ? memcpy(p, s, n) : NULL;
}

char *strndup(const char *s, size_t max)
{
	if (should_fail(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	size_t n = strnlen(s, max);
	char *p = __libc_malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
