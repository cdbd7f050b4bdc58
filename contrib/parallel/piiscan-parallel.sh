#!/bin/sh
# A few servers, no scheduler: GNU parallel runs the shards over ssh, one
# at a time per host, then the merge runs here. Each host needs piiscan
# installed, the share mounted at the same SCAN_PATH, the same KEY_FILE,
# and OUT_DIR on storage every host and this machine reach (NFS).
#   SCAN_PATH=/srv/share OUT_DIR=/nfs/piiscan KEY_FILE=/etc/piiscan/key \
#     contrib/parallel/piiscan-parallel.sh scan1 scan2 scan3
# Hosts are the arguments (":" is this machine); SHARDS defaults to one
# per host; more shards than hosts spread the work more evenly.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 HOST..." >&2; exit 2; }
: "${SCAN_PATH:?}" "${OUT_DIR:?}" "${KEY_FILE:?}"
CONTRIB=${PIISCAN_CONTRIB:-/usr/local/share/piiscan/contrib}
export SCAN_PATH OUT_DIR KEY_FILE
export SHARDS=${SHARDS:-$#}
export PIISCAN_OPTS=${PIISCAN_OPTS:-}
hosts=$(printf '%s,' "$@")
parallel --jobs 1 -S "${hosts%,}" --halt now,fail=1 \
	--env SHARDS --env SCAN_PATH --env OUT_DIR --env KEY_FILE --env PIISCAN_OPTS --env PIISCAN \
	"$CONTRIB/piiscan-shard.sh" {} ::: $(seq 1 "$SHARDS")
"$CONTRIB/piiscan-merge.sh"
