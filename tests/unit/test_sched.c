/*
 * The file queue is bounded: a walker pushing more jobs than it holds
 * waits until workers take some (a tree of tens of millions of files
 * never has more than the capacity queued), and jobs come out in the
 * order they went in.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "pii_limits.h"
#include "pii_sched.h"
#include "test.h"

enum { CAP = 8, JOBS = 1000 };

struct producer {
	struct pii_sched *s;
	atomic_int pushed;
};

static void *produce(void *arg)
{
	struct producer *p = arg;
	for (intptr_t i = 1; i <= JOBS; i++) {
		pii_sched_push_file(p->s, (void *)i);
		atomic_fetch_add(&p->pushed, 1);
	}
	pii_sched_close(p->s);
	return NULL;
}

void test_sched(void)
{
	CHECK(PII_JOB_QUEUE_CAPACITY >= 64 && PII_JOB_QUEUE_CAPACITY <= 65536);
	struct producer p = {.s = pii_sched_new(CAP, 2, 64)};
	CHECK(p.s != NULL);
	if (!p.s)
		return;
	atomic_init(&p.pushed, 0);
	pthread_t t;
	CHECK(pthread_create(&t, NULL, produce, &p) == 0);
	/* nobody takes: the producer stops at the capacity */
	struct timespec pause = {0, 20 * 1000 * 1000};
	for (int i = 0; i < 50 && atomic_load(&p.pushed) < CAP; i++)
		nanosleep(&pause, NULL);
	nanosleep(&pause, NULL);
	CHECK_U64(atomic_load(&p.pushed), CAP);
	CHECK_U64(pii_sched_files_waiting(p.s), CAP);
	/* taken, it goes on to the end, in order, never above the capacity */
	intptr_t want = 1;
	size_t most = 0, wrong = 0;
	bool is_page;
	void *job;
	while ((job = pii_sched_take(p.s, &is_page))) {
		size_t waiting = pii_sched_files_waiting(p.s);
		most = waiting > most ? waiting : most;
		wrong += is_page || (intptr_t)job != want++;
		pii_sched_file_done(p.s);
	}
	pthread_join(t, NULL);
	CHECK_U64(wrong, 0);
	CHECK_U64(want - 1, JOBS);
	CHECK(most <= CAP);
	pii_sched_free(p.s);
}
