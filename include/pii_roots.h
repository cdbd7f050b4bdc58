/*
 * pii_roots.h - the paths given to scan, each file scanned once.
 */
#ifndef PII_ROOTS_H
#define PII_ROOTS_H

#include <stddef.h>

#include "pii_options.h"

/* Drops from opt->paths each path that is another one given (twice, or
 * under another name: "share" and "share/") or lies inside another
 * (/srv/share and /srv/share/hr): the walk of the outer one reaches its
 * files, and scanning them twice would double every count. Decided by
 * device and inode, so another spelling or a link to the same folder is
 * seen too. A path inside another that the walk would not reach (behind
 * an --exclude, or another file system with --one-file-system) is kept.
 * Says once on stderr what it dropped; returns how many. */
size_t pii_roots_dedupe(struct pii_options *opt);

#endif
