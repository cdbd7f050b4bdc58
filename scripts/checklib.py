"""What the fixture generators (scripts/make-*-fixtures.py) share: "ok" and
"not ok" lines for their independent checks, counted, and running a
reader with a time limit."""
import subprocess

RESULTS = [0, 0]  # passed, failed


def ok(name, good, detail=""):
    RESULTS[0 if good else 1] += 1
    print(("ok - " if good else "not ok - ") + name)
    if detail and not good:
        print("    " + detail.replace("\n", "\n    "))
    return good


def info(text):
    print("# " + text)


def run(cmd, timeout=300):
    """(exit code, stdout, stderr) of cmd; (None, "", why) on a timeout."""
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return (r.returncode, r.stdout.decode("utf-8", "replace"),
                r.stderr.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired:
        return None, "", "timeout after %d s" % timeout
