#!/bin/sh
# After every shard of piiscan-shard.sh is done: one inventory from the
# parts in $OUT_DIR, as $OUT_DIR/inventory-YYYY-MM-DD.xlsx (or $INVENTORY).
# Stops, saying which, when a part is missing. Same settings as the shard
# script (SHARDS, OUT_DIR, PIISCAN); the merge needs the same rule packs
# (PIISCAN_OPTS="--packs core,nl" if the shards had it).
set -eu
: "${SHARDS:?set SHARDS to the number of shards}"
: "${OUT_DIR:?set OUT_DIR to the shared results folder}"
PIISCAN=${PIISCAN:-piiscan}
INVENTORY=${INVENTORY:-$OUT_DIR/inventory-%Y-%m-%d.xlsx}
set --
k=1
while [ "$k" -le "$SHARDS" ]; do
	part="$OUT_DIR/part-$k-of-$SHARDS.jsonl"
	if [ ! -s "$part" ]; then
		echo "piiscan-merge.sh: $part is missing: shard $k has not finished" >&2
		exit 2
	fi
	set -- "$@" "$part"
	k=$((k + 1))
done
# shellcheck disable=SC2086
exec "$PIISCAN" merge --log-format json ${PIISCAN_OPTS:-} -o "$INVENTORY" "$@"
