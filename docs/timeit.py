#!/usr/bin/env python3
"""Whole-process timing of `omsorgsklage render` (docs/PERFORMANCE.md): python3 docs/timeit.py BINARY [RUNS] [pdf|text]"""
import subprocess, time, sys, statistics, os
binary = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
mode = sys.argv[3] if len(sys.argv) > 3 else "pdf"
tmp = os.environ.get("TMPDIR", "/tmp")
case = os.path.join(os.path.dirname(os.path.abspath(__file__)), "examples", "sak-hjemmesykepleie.json")
if mode == "pdf":
    args = [binary, "render", case, "--today", "2026-11-20", "--format", "pdf", "--out", os.path.join(tmp, "omsorgsklage-timeit.pdf"), "--force"]
else:
    args = [binary, "render", case, "--today", "2026-11-20"]
env = dict(os.environ, OMSORGSKLAGE_DATA=os.path.join(tmp, "omsorgsklage-timeit"))
for _ in range(5):
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
ts = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    ts.append((time.perf_counter() - t) * 1000)
ts.sort()
print(f"{mode}: n={n} median {statistics.median(ts):.2f} ms, mean {statistics.mean(ts):.2f}, min {ts[0]:.2f}, max {ts[-1]:.2f}")
