#!/usr/bin/python3
"""The shape of the code, checked on a build: archcheck.py BUILD

- no two source files depend on each other, directly or round a cycle:
  the graph of which object calls or refers to what another defines
  (from nm), printed as its cycles;
- writers (src/report) and extractors (src/extract) never see PCRE2:
  pcre2.h is not among the headers their objects were built from (the
  compiler's .d files);
- the files the architecture issue named stay small: scan.c, collect.c
  and rules.c under 500 lines.
Prints one line per problem and exits 1 when there is any."""
import collections, glob, os, subprocess, sys

build = sys.argv[1] if len(sys.argv) > 1 else "build"
objs = sorted(glob.glob(os.path.join(build, "src", "**", "*.o"), recursive=True))
if not objs:
    sys.exit(f"archcheck: no objects under {build}/src (build first)")
src = lambda o: os.path.relpath(o, build)[:-2] + ".c"
defined, used = {}, collections.defaultdict(set)
for o in objs:
    for line in subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDRBC":
            defined[parts[2]] = src(o)
        elif len(parts) == 2 and parts[0] == "U":
            used[src(o)].add(parts[1])
graph = collections.defaultdict(set)
for f, syms in used.items():
    for s in syms:
        if s in defined and defined[s] != f:
            graph[f].add(defined[s])
problems = []

# Tarjan's strongly connected components: a component of more than one
# file is a cycle of dependencies.
index, low, on, stack, comps, counter = {}, {}, set(), [], [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1
    stack.append(v); on.add(v)
    for w in sorted(graph[v]):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        comps.append(comp)
sys.setrecursionlimit(10000)
for v in sorted(set(graph) | {src(o) for o in objs}):
    if v not in index:
        visit(v)
for comp in comps:
    if len(comp) > 1:
        members = set(comp)
        edges = [f"{a} -> {b}" for a in sorted(comp) for b in sorted(graph[a] & members)]
        problems.append("files that depend on each other: " + "; ".join(edges))

for d in glob.glob(os.path.join(build, "src", "report", "*.d")) + \
         glob.glob(os.path.join(build, "src", "extract", "*.d")):
    if "pcre2.h" in open(d).read():
        problems.append(f"{src(d[:-2] + '.o')} is built with pcre2.h")

for f in ("src/scan.c", "src/collect.c", "src/rules.c"):
    n = sum(1 for _ in open(f))
    if n >= 500:
        problems.append(f"{f} has {n} lines (under 500 wanted)")

for p in problems:
    print(p)
print(f"archcheck: {len(objs)} files, {sum(len(v) for v in graph.values())} dependencies, "
      f"{len(problems)} problems")
sys.exit(1 if problems else 0)
