#!/bin/sh
# Out of memory: piiscan's own allocations are made to fail (LD_PRELOAD
# build/failmalloc.so) at points spread over a scan of fixtures/, once
# each and from then on. Every run must end cleanly: a complete report
# that says when findings were lost, or exit 2 with one line and no
# report; never a crash, never a half-written file.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
SHIM="$ROOT/$BUILD/failmalloc.so"

# Sanitizer builds keep malloc to themselves: nothing to test there.
if [ ! -f "$SHIM" ] || ! LD_PRELOAD="$SHIM" "$PIISCAN" --version >/dev/null 2>&1; then
	echo "# skipped: $BUILD/failmalloc.so cannot be preloaded into this build"
	finish
	exit 0
fi

total=$(LD_PRELOAD="$SHIM" FAILMALLOC_COUNT=1 "$PIISCAN" -q -j 2 -o "$WORK/count.jsonl" fixtures 2>&1 |
	sed -n 's/^failmalloc: \([0-9]*\) calls$/\1/p')
check "the shim counts piiscan's allocations" test "${total:-0}" -gt 1000

# run K EVERY: the first failure after K allocations, then every EVERYth.
runs=0
for k in 0 1 2 3 4 5 6 7 8 9 10 11; do
	after=$((total * k / 12))
	for every in 1 13 211; do
		d="$WORK/run-$k-$every"
		mkdir "$d"
		LD_PRELOAD="$SHIM" FAILMALLOC_AFTER=$after FAILMALLOC_EVERY=$every \
			"$PIISCAN" -q -j 2 -o "$d/inv.xlsx" -o "$d/inv.jsonl" fixtures 2>"$d/stderr"
		echo $? >"$d/rc"
		runs=$((runs + 1))
	done
done
check "$runs runs with failing allocations made" test $runs -eq 36

# The other writers read the same inventory: the breach summary (xlsx and
# text), SARIF, CSV and the JSON document, at fewer points.
for k in 1 4 7 10; do
	after=$((total * k / 12))
	for every in 1 13 211; do
		d="$WORK/other-$k-$every"
		mkdir "$d"
		LD_PRELOAD="$SHIM" FAILMALLOC_AFTER=$after FAILMALLOC_EVERY=$every \
			"$PIISCAN" -q -j 2 --breach-report -o "$d/breach.xlsx" -o "$d/breach.txt" \
			-o "$d/inv.sarif" -o "$d/inv.csv" -o "$d/inv.json" fixtures 2>"$d/stderr"
		echo $? >"$d/rc"
	done
done
check "each of them that finished wrote every output" sh -c "
	for d in '$WORK'/other-*; do
		[ \$(cat \$d/rc) -eq 0 ] || continue
		for f in breach.xlsx breach.txt inv.sarif inv.csv inv.json; do
			[ -s \$d/\$f ] || { echo \"\$d: no \$f\"; exit 1; }
		done
	done"

check "no run crashed or aborted; each ended 0 (complete) or 2 (could not)" sh -c "
	for d in '$WORK'/run-* '$WORK'/other-*; do
		rc=\$(cat \$d/rc)
		[ \$rc -eq 0 ] || [ \$rc -eq 2 ] || { echo \"\$d: exit \$rc\"; cat \$d/stderr; exit 1; }
	done"
check "a run that could not finish says why in one line and leaves no file" sh -c "
	for d in '$WORK'/run-* '$WORK'/other-*; do
		[ \$(cat \$d/rc) -eq 2 ] || continue
		[ \$(wc -l <\$d/stderr) -eq 1 ] && grep -q '^piiscan: .*' \$d/stderr ||
			{ echo \"\$d:\"; cat \$d/stderr; exit 1; }
		[ -z \"\$(ls -A \$d | grep -v '^rc\$' | grep -v '^stderr\$')\" ] ||
			{ echo \"\$d: left\"; ls -A \$d; exit 1; }
	done"
check "some runs could not finish, some did (the failures landed in both halves)" sh -c "
	grep -lx 0 '$WORK'/run-*/rc >/dev/null && grep -lx 2 '$WORK'/run-*/rc >/dev/null"
check "a complete run's report is whole, and says so when findings were lost" $PY - "$WORK" <<'EOF'
import glob, json, os, sys, openpyxl
planted = sum(1 for l in open("tests/golden/fixtures.tsv", encoding="utf-8")
              if l.strip() and not l.startswith("#"))
bad = 0
for d in sorted(glob.glob(os.path.join(sys.argv[1], "run-*"))):
    if open(os.path.join(d, "rc")).read().strip() != "0":
        continue
    wb = openpyxl.load_workbook(os.path.join(d, "inv.xlsx"))
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
    lines = [json.loads(l) for l in open(os.path.join(d, "inv.jsonl"), encoding="utf-8")]
    errors = list(wb["Errors"].iter_rows(values_only=True))
    reason = errors[0].index("Reason")
    oom_rows = [r for r in errors[1:] if r[0] and "out of memory" in str(r[reason])]
    if summary.get("Findings", 0) < planted and not oom_rows:
        print(f"{d}: {summary.get('Findings')} of {planted} findings and no out-of-memory row")
        bad += 1
    if len(lines) < planted and not oom_rows:
        print(f"{d}: {len(lines)} JSONL lines of {planted} and no out-of-memory row")
        bad += 1
sys.exit(bad != 0)
EOF
finish
