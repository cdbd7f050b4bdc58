#!/bin/sh
# Replays every fuzz corpus (tests/fuzz/corpus/TARGET/), without fuzzing,
# through the ASan and UBSan build of each target (made by `make test`):
# every input a crash was ever found with stays here as a regression test.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
for replay in build-asan/fuzz/replay_*; do
	t=${replay##*/replay_}
	check "fuzz corpus $t replays clean under ASan and UBSan ($(ls tests/fuzz/corpus/$t | wc -l) inputs)" \
		"$replay" "tests/fuzz/corpus/$t"
done
check "every fuzz target has a corpus and a replay" \
	test "$(ls -d build-asan/fuzz/replay_* | wc -l)" -eq "$(ls tests/fuzz/fuzz_*.c | wc -l)" -a \
	"$(ls -d tests/fuzz/corpus/* | wc -l)" -eq "$(ls tests/fuzz/fuzz_*.c | wc -l)"
finish
