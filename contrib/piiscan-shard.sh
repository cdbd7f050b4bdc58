#!/bin/sh
# One shard of a piiscan scan split over machines, pods or array tasks:
# scans the K-th of N parts of the share into $OUT_DIR/part-K-of-N.jsonl.
# K comes from the engine: Kubernetes Indexed Jobs set
# JOB_COMPLETION_INDEX (0-based), Slurm job arrays SLURM_ARRAY_TASK_ID
# (run the array as 1-N), or give it as the first argument. When every
# shard is done, piiscan-merge.sh builds the inventory.
#
# Settings (environment):
#   SHARDS     N, the number of shards (required)
#   SCAN_PATH  what to scan, the same path on every machine (required)
#   OUT_DIR    a folder every shard and the merge can reach (required)
#   KEY_FILE   the fingerprint key, the same on every shard (required):
#              head -c 32 /dev/urandom > key
#   PIISCAN    the program (default: piiscan on the PATH)
#   PIISCAN_OPTS  more options, e.g. "--exclude *.iso --threads 8"
set -eu
: "${SHARDS:?set SHARDS to the number of shards}"
: "${SCAN_PATH:?set SCAN_PATH to the folder to scan}"
: "${OUT_DIR:?set OUT_DIR to the shared results folder}"
: "${KEY_FILE:?set KEY_FILE to the shared fingerprint key}"
PIISCAN=${PIISCAN:-piiscan}
if [ -n "${JOB_COMPLETION_INDEX:-}" ]; then
	k=$((JOB_COMPLETION_INDEX + 1))
elif [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
	k=$SLURM_ARRAY_TASK_ID
elif [ $# -ge 1 ]; then
	k=$1
else
	echo "piiscan-shard.sh: no shard number (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or an argument)" >&2
	exit 2
fi
mkdir -p "$OUT_DIR"
# shellcheck disable=SC2086 # PIISCAN_OPTS is a list of options
exec "$PIISCAN" --shard "$k/$SHARDS" --fingerprint-key-file "$KEY_FILE" \
	--log-format json --no-progress ${PIISCAN_OPTS:-} \
	-o "$OUT_DIR/part-$k-of-$SHARDS.jsonl" "$SCAN_PATH"
