#!/bin/sh
# Shards on a real Slurm cluster (#22): a one-node cluster in $WORK
# (munged, slurmctld and slurmd as child processes, with their own key,
# socket, configuration, state and logs, on free ports of localhost) runs
# the shipped contrib/slurm job array of four shards and the merge job
# submitted with the README's own Slurm lines; the merged inventory has
# the rows and counts of one run over the same tree. When Slurm cannot
# start here (not root, packages missing, a daemon dies) the suite says
# "skip - slurm: REASON" with the logs' last lines, and passes nothing.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
PATH=$PATH:/usr/sbin:/sbin
S=$WORK/slurm # the cluster's files
munged_pid="" ctld_pid="" slurmd_pid=""
submitted=""

# stop PID: TERM, then KILL after 10 s; reaps it.
stop() {
	[ -n "$1" ] || return 0
	kill "$1" 2>/dev/null
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}
cleanup() {
	if [ -n "$submitted" ] && [ -n "$ctld_pid" ]; then
		# Jobs still queued or running (a timeout): cancel them so that
		# no job step outlives its slurmd.
		# shellcheck disable=SC2086 # job ids
		scancel $submitted 2>/dev/null
		_i=0
		while [ -n "$(squeue -h -j "$(echo "$submitted" | tr ' ' ,)" 2>/dev/null)" ] && [ $_i -lt 20 ]; do
			sleep 0.5
			_i=$((_i + 1))
		done
	fi
	stop "$slurmd_pid"
	stop "$ctld_pid"
	stop "$munged_pid"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 2' HUP INT PIPE TERM

# skip REASON [LOG...]: the suite cannot run Slurm here: says why, with
# the last lines of each log, and ends without a pass.
skip() {
	echo "skip - slurm: $1"
	shift
	for log; do
		[ -s "$log" ] && tail -n 5 "$log" | sed "s|^|    $(basename "$log"): |"
	done
	finish
	exit 0
}

[ "$(id -u)" -eq 0 ] || skip "not root (slurmd runs jobs as their user, munged and the daemons here as root)"
for c in munged slurmctld slurmd sbatch scontrol squeue sinfo scancel; do
	command -v $c >/dev/null 2>&1 || skip "no $c (apt-get install slurm-wlm munge)"
done

# munge: a key of its own (the user munged runs as, root, owns it), its
# own socket, which slurm.conf's AuthInfo names for every Slurm command.
mkdir -p "$S/state" "$S/spool"
chmod 755 "$S"
dd if=/dev/urandom of="$S/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$S/munge.key"
munged --foreground --force --socket="$S/munge.sock" --key-file="$S/munge.key" \
	--pid-file="$S/munged.pid" --log-file="$S/munged.log" --seed-file="$S/munged.seed" \
	>"$S/munged.out" 2>&1 &
munged_pid=$!
i=0
while [ ! -S "$S/munge.sock" ] && [ $i -lt 100 ] && kill -0 $munged_pid 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
[ -S "$S/munge.sock" ] || skip "munged did not start" "$S/munged.out" "$S/munged.log"

# Two free ports of localhost for slurmctld and slurmd. The node: the
# CPUs this process may use (2 in CI), 1000 MB (less than any machine
# has, or slurmd would be refused).
ports=$($PY -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
# shellcheck disable=SC2086 # two numbers
set -- $ports
cat >"$S/slurm.conf" <<EOF
ClusterName=piiscantest
SlurmctldHost=localhost
SlurmctldPort=$1
SlurmdPort=$2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$S/munge.sock
CredType=cred/munge
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
DependencyParameters=kill_invalid_depend
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
SLURM_CONF=$S/slurm.conf
export SLURM_CONF
slurmctld -D -i -f "$SLURM_CONF" >"$S/slurmctld.out" 2>&1 &
ctld_pid=$!
slurmd -D -c -N localhost -f "$SLURM_CONF" >"$S/slurmd.out" 2>&1 &
slurmd_pid=$!
# The node comes up idle (60 s at most).
i=0
state=""
while [ $i -lt 600 ]; do
	state=$(sinfo -h -o %T 2>/dev/null)
	case $state in
	idle) break ;;
	inval* | drain* | fail*) [ $i -ge 50 ] && break ;; # settled, not idle
	esac
	kill -0 $ctld_pid 2>/dev/null || skip "slurmctld ended" "$S/slurmctld.out" "$S/slurmctld.log"
	kill -0 $slurmd_pid 2>/dev/null || skip "slurmd ended" "$S/slurmd.out" "$S/slurmd.log"
	sleep 0.1
	i=$((i + 1))
done
[ "$state" = idle ] || skip "the node is not idle after $((i / 10)) s (${state:-no answer})" \
	"$S/slurmctld.log" "$S/slurmd.log"
ok "a one-node Slurm cluster started in the temporary folder: node idle"

# What the shards scan: a copy of fixture folders (not the slow images).
mkdir "$WORK/share"
for d in binary contacts containers decoys documents dumps encodings exports legacy logs mail national notes share; do
	cp -R "fixtures/$d" "$WORK/share/"
done
head -c 32 /dev/urandom >"$WORK/key"
"$PIISCAN" -q --fingerprint-key-file "$WORK/key" -o "$WORK/single.json" "$WORK/share"

# The README's Slurm section, as it says: from a folder holding contrib/,
# piiscan on the PATH, the settings in the environment (sbatch passes it
# on; here the test's own paths), then its two sbatch lines as they are.
check "the README's Slurm lines: the settings exported, the array, the merge after it" \
	$PY - README.md "$WORK/readme" <<'EOF'
import re, sys
readme = open(sys.argv[1]).read()
bullet = readme.split("\n- **Slurm**:", 1)[1].split("\n- **", 1)[0]
block = re.search(r"```sh\n(.*?)```", bullet, re.S).group(1)
lines = [l.strip() for l in block.splitlines() if l.strip()]
assert len(lines) == 3, lines
export, array, merge = lines
names = [w.split("=")[0] for w in export.split()[1:]]
assert export.startswith("export SHARDS=4 ") and sorted(names) == sorted(
    ["SHARDS", "SCAN_PATH", "OUT_DIR", "KEY_FILE"]), export
assert re.fullmatch(r"jid=\$\(sbatch --parsable [^;&|`]*contrib/slurm/piiscan\.sbatch\)", array), array
assert re.fullmatch(r"sbatch --dependency=afterok:\$jid [^;&|`$]*contrib/slurm/piiscan-merge\.sbatch", merge), merge
open(sys.argv[2] + ".array", "w").write(array)
open(sys.argv[2] + ".merge", "w").write(merge)
EOF
mkdir "$WORK/site"
ln -s "$ROOT/contrib" "$WORK/site/contrib"
unset PIISCAN_OPTS PIISCAN PIISCAN_CONTRIB
jid=""
PATH=$ROOT/$BUILD:$PATH
export SHARDS=4 SCAN_PATH="$WORK/share" OUT_DIR="$WORK/out" KEY_FILE="$WORK/key" \
	INVENTORY="$WORK/out/inventory.json"
cd "$WORK/site" || exit 2
eval "$(cat "$WORK/readme.array" 2>/dev/null)" 2>"$WORK/sbatch.err"
check "sbatch took the job array (job $jid): $(cat "$WORK/readme.array" 2>/dev/null)" \
	sh -c "echo '$jid' | grep -qx '[0-9][0-9]*'; rc=\$?; cat '$WORK/sbatch.err'; exit \$rc"
submitted=$jid
said=$(eval "$(cat "$WORK/readme.merge" 2>/dev/null)" 2>"$WORK/sbatch.err")
mid=${said##* }
check "sbatch took the merge job (job $mid): $(cat "$WORK/readme.merge" 2>/dev/null)" \
	sh -c "echo '$said' | grep -qx 'Submitted batch job [0-9][0-9]*'; rc=\$?; cat '$WORK/sbatch.err'; exit \$rc"
submitted="$jid $mid"
cd "$ROOT" || exit 2

# Both jobs end (300 s at most): the merge's end means the array's, as
# it waits for it (and an array that fails cancels it:
# kill_invalid_depend).
i=0
mstate=""
while [ $i -lt 300 ]; do
	mstate=$(scontrol -o show job "$mid" 2>/dev/null | sed -n 's/.* JobState=\([A-Z_]*\) .*/\1/p')
	case $mstate in
	PENDING | RUNNING | CONFIGURING | COMPLETING | SUSPENDED | REQUEUED | "") ;;
	*) break ;;
	esac
	sleep 1
	i=$((i + 1))
done
scontrol -o show job "$jid" >"$WORK/array.jobs" 2>&1
scontrol -o show job "$mid" >"$WORK/merge.jobs" 2>&1
squeue -h -j "$jid,$mid" >"$WORK/queue" 2>&1
check "both jobs ended within 300 s (the merge: $mstate, after ${i} s)" \
	sh -c "test $i -lt 300 && test ! -s '$WORK/queue' || { cat '$WORK/queue'; exit 1; }"
[ -s "$WORK/queue" ] || submitted=""

# scontrol's one line per job (per array task): FIELD=VALUE ...
check "the array ran 4 tasks (1-4), each COMPLETED with exit 0, and the merge started after the last ended" \
	$PY - "$WORK/array.jobs" "$WORK/merge.jobs" "$WORK/site" <<'EOF'
import os, sys
def jobs(path):
    out = []
    for line in open(path):
        out.append(dict(w.split("=", 1) for w in line.split() if "=" in w))
    return out
tasks = jobs(sys.argv[1])
merge = jobs(sys.argv[2])
assert sorted(t.get("ArrayTaskId") for t in tasks) == ["1", "2", "3", "4"], [t.get("ArrayTaskId") for t in tasks]
def log(name):  # the job's last lines, to say why it failed
    path = os.path.join(sys.argv[3], name)
    return open(path).read().splitlines()[-3:] if os.path.exists(path) else "no " + name
for t in tasks:
    assert (t["JobState"], t["ExitCode"]) == ("COMPLETED", "0:0"), (
        t["ArrayTaskId"], t["JobState"], t["ExitCode"], t.get("Reason"), log("piiscan-%s.log" % t["ArrayTaskId"]))
    assert t["NumCPUs"] == "1", t["NumCPUs"]
assert len(merge) == 1, merge
m = merge[0]
assert (m["JobState"], m["ExitCode"]) == ("COMPLETED", "0:0"), (
    m["JobState"], m["ExitCode"], m.get("Reason"), log("piiscan-merge.log"))
assert m["Dependency"] == "(null)" or "afterok" in m["Dependency"], m["Dependency"]
# ISO times without zone: they compare as text.
last = max(t["EndTime"] for t in tasks)
assert m["StartTime"] >= last, (m["StartTime"], last)
assert min(t["StartTime"] for t in tasks) <= last
EOF

check "each task wrote its part, with its summary record (shard K/4)" $PY - "$WORK/out" <<'EOF'
import json, sys
for k in range(1, 5):
    recs = [json.loads(l) for l in open(f"{sys.argv[1]}/part-{k}-of-4.jsonl")]
    summ = [r for r in recs if r.get("record") == "summary"]
    assert len(summ) == 1 and summ[0]["shard"] == f"{k}/4", (k, summ)
    assert summ[0]["interrupted"] == 0, summ[0]
EOF
check "each task and the merge logged JSON lines into the submit folder's logs" $PY - "$WORK/site" <<'EOF'
import json, sys
for name in ["piiscan-%d.log" % k for k in range(1, 5)] + ["piiscan-merge.log"]:
    lines = [json.loads(l) for l in open(f"{sys.argv[1]}/{name}") if l.strip()]
    assert lines, f"{name} is empty"
EOF
check "the merge job's inventory is a single run's: the same rows and counts" \
	$PY tests/e2e/check_merged.py "$WORK/out/inventory.json" "$WORK/single.json"
finish
