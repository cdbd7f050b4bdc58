#!/bin/sh
# Unattended runs: the configuration file and how the command line
# overrides it, dated output names, logs as JSON lines, progress lines in
# a log, and the examples in contrib/.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

cat >"$WORK/cfg.yaml" <<EOF
# a comment
paths:
  - fixtures/notes
  - fixtures/exports
threads: 2
exclude: ["*.csv"]
output:
  - $WORK/cfg-%Y-%m-%d.jsonl
packs: [core, nl]
show-values: true
progress: false
EOF
"$PIISCAN" -q --config "$WORK/cfg.yaml"
day=$(date +%Y-%m-%d)
check "config: the output name takes the date" test -s "$WORK/cfg-$day.jsonl"
check "config: its paths are scanned" grep -q '"file":"fixtures/notes/' "$WORK/cfg-$day.jsonl"
check "config: its excludes apply" sh -c "! grep -q '\.csv\"' '$WORK/cfg-$day.jsonl' && grep -q '\"file\":\"fixtures/exports/' '$WORK/cfg-$day.jsonl'"
check "config: show-values: true applies" grep -q '"value":"j.devries@ziggo.nl"' "$WORK/cfg-$day.jsonl"

"$PIISCAN" -q --config "$WORK/cfg.yaml" -o "$WORK/cli.jsonl" --exclude '*.txt' fixtures/exports
check "command line: -o replaces the file's outputs" \
	sh -c "test -s '$WORK/cli.jsonl' && test \$(ls '$WORK' | grep -c '^cfg-') -eq 1"
check "command line: paths replace the file's" sh -c "! grep -q 'fixtures/notes/' '$WORK/cli.jsonl'"
check "command line: --exclude replaces the file's excludes" grep -q '\.csv"' "$WORK/cli.jsonl"
"$PIISCAN" --config "$WORK/cfg.yaml" -o "$WORK/t2.jsonl" 2>"$WORK/t2.log"
"$PIISCAN" --config "$WORK/cfg.yaml" --threads 1 -o "$WORK/t1.jsonl" 2>"$WORK/t1.log"
check "config: threads: 2 applies" grep -q '^piiscan: scanning 2 paths with 2 threads' "$WORK/t2.log"
check "command line: --threads 1 overrides threads: 2" \
	grep -q '^piiscan: scanning 2 paths with 1 thread and' "$WORK/t1.log"

printf 'paths: [fixtures]\ntreads: 4\n' >"$WORK/bad1.yaml"
check "config: an unknown setting is named with its line" \
	sh -c "'$PIISCAN' --config '$WORK/bad1.yaml' 2>&1 | grep -qx \"piiscan: $WORK/bad1.yaml:2: unknown setting 'treads'\""
# whatever its value: a list, a mapping
printf 'paths: [fixtures]\nexclud:\n  - a\n  - b\nsystm:\n  hr: x\n' >"$WORK/bad3.yaml"
check "config: an unknown setting with a list for its value is named too" \
	sh -c "'$PIISCAN' --config '$WORK/bad3.yaml' 2>&1 | grep -qx \"piiscan: $WORK/bad3.yaml:3: unknown setting 'exclud'\""
printf 'paths: [fixtures]\n\nthreads: many\n' >"$WORK/bad2.yaml"
check "config: a bad value is named with its line" \
	sh -c "'$PIISCAN' --config '$WORK/bad2.yaml' 2>&1 | grep -q \"bad2.yaml:3: --threads: 'many' is not a number\""
printf 'threads: [1, 2]\n' >"$WORK/bad3.yaml"
check_fails "config: a list where one value is wanted is refused" "$PIISCAN" --config "$WORK/bad3.yaml" fixtures/notes
check_fails "config: a missing file is refused" "$PIISCAN" --config "$WORK/none.yaml" fixtures/notes
printf 'paths: [fixtures/notes]\noutput: [%s/x.jsonl\n' "$WORK" >"$WORK/bad4.yaml"
check "config: a YAML error is refused with its line, exit 2" \
	sh -c "'$PIISCAN' --config '$WORK/bad4.yaml' 2>'$WORK/bad4.err'; test \$? -eq 2 && grep -q 'bad4.yaml:[0-9]*: ' '$WORK/bad4.err'"

# Logs: JSON lines on stderr, each with time, level, event and message.
"$PIISCAN" --log-format json --progress -o "$WORK/log.xlsx" fixtures 2>"$WORK/log.json"
check "--log-format json: every line is a JSON event, no value in any" $PY - "$WORK/log.json" <<'EOF'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
for e in events:
    assert {"time", "level", "event", "message"} <= e.keys(), e
    assert e["time"].endswith("Z") and e["level"] in ("info", "warning", "error"), e
kinds = [e["event"] for e in events]
assert kinds[0] == "start" and "summary" in kinds and kinds[-1] == "output", kinds
summary = next(e for e in events if e["event"] == "summary")
progress = [e for e in events if e["event"] == "progress"]
assert progress and progress[-1]["files_done"] == progress[-1]["files_found"] > 0, progress
assert summary["findings"] > 400 and summary["complete"] is True, summary
text = open(sys.argv[1]).read()
assert "@" not in text, "an e-mail address in the log"
EOF
"$PIISCAN" --log-format json -o "$WORK/x.jsonl" "$WORK/nowhere" 2>"$WORK/err.json"
check "--log-format json: a fatal error is a JSON line too" \
	$PY -c "import json,sys; e=json.loads(open(sys.argv[1]).read()); sys.exit(not (e['level']=='error' and 'nowhere' in e['message']))" "$WORK/err.json"
check_fails "--log-format takes plain or json" "$PIISCAN" --log-format xml fixtures/notes

# Progress in a log: a line every --progress-interval seconds while a
# 20 GB sparse file is read (given up after 3 s).
truncate -s 20G "$WORK/huge.bin"
"$PIISCAN" -j 1 --file-timeout 3 --progress-interval 1 -o "$WORK/p.xlsx" "$WORK/huge.bin" 2>"$WORK/p.log"
check "a log gets a progress line every --progress-interval (1 s, 3 s scan)" \
	test "$(grep -c '^piiscan: [0-9]*/1 files, .* MB/s' "$WORK/p.log")" -ge 2
check "progress lines in a log name no path" sh -c "! grep 'MB/s' '$WORK/p.log' | grep -q huge"
# The total is counted ahead: a 20 GB file first holds the one worker
# while the walker can queue only 1024 files; the counting walker finds
# all 3001, and the progress line has the total from the start.
mkdir "$WORK/ahead"
truncate -s 20G "$WORK/ahead/aaa.bin"
$PY -c "
import sys
for i in range(3000):
    open(f'{sys.argv[1]}/f{i:04d}.txt', 'w').write('x\n')" "$WORK/ahead"
"$PIISCAN" -j 1 --file-timeout 3 --progress-interval 1 --log-format json -o "$WORK/ahead.xlsx" \
	"$WORK/ahead" 2>"$WORK/ahead.log"
check "progress: the total is counted ahead of the walk" $PY - "$WORK/ahead.log" <<'EOF'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
p = [e for e in ev if e["event"] == "progress"]
early = [e for e in p if e["files_done"] < 100]
assert early, p
assert all(e["files_found"] == 3001 and e["counting"] is False for e in early), early
EOF
mv "$WORK/ahead/aaa.bin" "$WORK/ahead/zzz.bin"
"$PIISCAN" -j 1 --file-timeout 3 --progress-interval 1 --log-format json -o "$WORK/behind.xlsx" \
	"$WORK/ahead" 2>"$WORK/behind.log"
check "progress: once files are done and all counted, a time left" $PY - "$WORK/behind.log" <<'EOF'
import json, sys
p = [e for e in map(json.loads, open(sys.argv[1])) if e["event"] == "progress"]
assert p and all(e["files_done"] == 3000 and e["eta_s"] >= 0 and ", ETA 0:0" in e["message"]
                 for e in p), p
EOF
"$PIISCAN" -o "$WORK/p2.xlsx" fixtures/notes 2>"$WORK/p2.log"
check "a short scan in a log: no progress line (the first comes after 60 s)" \
	sh -c "! grep -q 'MB/s' '$WORK/p2.log'"

# contrib/: the example configuration is valid as shipped (its paths and
# key are of a server, so they are overridden here).
head -c 32 /dev/urandom >"$WORK/key"
"$PIISCAN" -q --config contrib/piiscan.yaml --fingerprint-key-file "$WORK/key" \
	--log-format plain -o "$WORK/contrib.jsonl" fixtures/notes
check "contrib/piiscan.yaml: every setting in it is accepted" test -s "$WORK/contrib.jsonl"
# the example keeps the special categories (the special pack): a sick note
# scanned with it gives its health data
"$PIISCAN" -q --config contrib/piiscan.yaml --fingerprint-key-file "$WORK/key" \
	--log-format plain -o "$WORK/contrib-hr.jsonl" fixtures/share/hr
check "contrib/piiscan.yaml: the special categories are looked for" \
	grep -q '"file":"fixtures/share/hr/ziekmelding-jansen.txt","rule":"health"' "$WORK/contrib-hr.jsonl"
check "contrib/piiscan.cron: one line, as an unprivileged user, with --config" \
	test "$(grep -v '^#' contrib/piiscan.cron | grep -c ' piiscan /usr/local/bin/piiscan --config ')" -eq 1
check "contrib/systemd: the service runs as an unprivileged user" \
	sh -c "grep -qx 'User=piiscan' contrib/systemd/piiscan.service && grep -q '^ExecStart=.*--config' contrib/systemd/piiscan.service"
if command -v systemd-analyze >/dev/null 2>&1; then
	mkdir "$WORK/units"
	sed "s|/usr/local/bin/piiscan|$PIISCAN|" contrib/systemd/piiscan.service >"$WORK/units/piiscan.service"
	cp contrib/systemd/piiscan.timer "$WORK/units/"
	check "contrib/systemd: systemd-analyze verify passes" \
		systemd-analyze verify --man=no "$WORK/units/piiscan.service" "$WORK/units/piiscan.timer"
else
	echo "# skipped: systemd-analyze is not installed"
fi
finish
