/*
 * stop.c - SIGINT and SIGTERM ask the scan to stop (see pii_stop.h).
 */
#include "pii_stop.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

static atomic_int stop_signal;

/* Temporary outputs to remove when a second signal ends the program: a
 * half-written report is of no use, and it holds facts about personal
 * data. The handler only reads the slots (unlink is async-signal-safe). */
#define MAX_TEMPS 64
static _Atomic(const char *) temps[MAX_TEMPS];

static void on_signal(int sig)
{
	int none = 0;
	if (!atomic_compare_exchange_strong(&stop_signal, &none, sig)) {
		/* Asked twice: the user wants out now. */
		for (int i = 0; i < MAX_TEMPS; i++) {
			const char *path = atomic_load(&temps[i]);
			if (path)
				unlink(path);
		}
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

void pii_stop_track_temp(const char *path)
{
	for (int i = 0; i < MAX_TEMPS; i++) {
		const char *none = NULL;
		if (atomic_compare_exchange_strong(&temps[i], &none, path))
			return;
	}
}

void pii_stop_untrack_temp(const char *path)
{
	for (int i = 0; i < MAX_TEMPS; i++) {
		const char *p = path;
		if (atomic_compare_exchange_strong(&temps[i], &p, NULL))
			return;
	}
}

void pii_stop_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART; /* reads go on; the loops look at the flag */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGXFSZ, SIG_IGN);
}

const char *pii_signal_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal";
}

int pii_stop_signal(void)
{
	return atomic_load(&stop_signal);
}
