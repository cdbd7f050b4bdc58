/*
 * carry.c - --state: a file unchanged since the last run is not read
 * again; its records, kept in the state, go to the collector as they are.
 */
#include "worker.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pii_records.h"
#include "pii_source.h"
#include "pii_state.h"

bool pii_carry_over(struct pii_worker *w, uint64_t id, const char *path)
{
	struct pii_source_identity id_now;
	const struct pii_source *src = pii_source_of(path);
	if (src) {
		/* a table or a file on a share: as its source tells it */
		if (!src->identity || !src->identity(path, w->ctx->opt, &id_now))
			return false;
	} else {
		struct stat st;
		if (pii_stat_path(path, &st, true) != 0 || !S_ISREG(st.st_mode))
			return false;
		id_now = (struct pii_source_identity){
			.size = (uint64_t)st.st_size,
			.mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec,
			.ino = (uint64_t)st.st_ino,
		};
	}
	char *records = pii_state_lookup(w->ctx->state, path, id_now.size, id_now.mtime_ns,
					 id_now.ino);
	if (!records)
		return false;
	struct pii_replay rp = {
		.rs = w->ctx->rules, .out = &w->outbox, .fixed_id = id, .carried = true,
	};
	char why[256];
	bool ok = true;
	for (char *line = records, *next; ok && *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		char saved = *next;
		*next = '\0';
		ok = pii_replay_line(&rp, line, why, sizeof(why));
		*next = saved;
	}
	pii_replay_flush(&rp);
	free(records);
	if (!ok) {
		/* Findings may have gone out already: say so rather than read
		 * the file again and count them twice. */
		struct pii_file_result *res = pii_file_result_new(id, path);
		if (res) {
			pii_file_result_set(res, PII_FILE_PARTIAL, PII_CODE_STATE,
					    "its record in the state file could not be read back; "
					    "run with --full");
			res->carried = true;
			pii_outbox_file(&w->outbox, res);
		}
	}
	atomic_fetch_add(&w->ctx->counters->files_done, 1);
	return true;
}
