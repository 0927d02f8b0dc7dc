#!/usr/bin/env python3
"""The scale benchmark behind bench/scale/run.sh (see there). Usage: scale.py DISTLANG"""
import os, platform, re, shutil, subprocess, sys, time

distlang = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ns = [int(n) for n in os.environ.get("SCALE_NS", "100 1000 10000").split()]
runs = int(os.environ.get("RUNS", "3"))
work = os.path.join(os.environ.get("BENCH_DIR", "/tmp/distlang-bench"), "scale")
os.makedirs(work, exist_ok=True)


def spec_for(n):
    """The spec with N functions, N/3 resources, 3 environments, both targets; its sources exist
    (as in a real repository, so `validate` has no missing-source warnings to print)."""
    d = os.path.join(work, f"n{n}")
    spec = os.path.join(d, "distlang.yaml")
    if not os.path.exists(spec):
        os.makedirs(os.path.join(d, "src"), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(root, "bench/gen_spec.py"), str(n), str(max(1, n // 3)), "3", spec], check=True)
        for i in range(n):
            with open(os.path.join(d, "src", f"fn-{i}.js"), "w") as f:
                f.write("export default {};\n")
    # The one-function edit for `diff`: fn-1 gets another LOG_LEVEL and more memory.
    edited = os.path.join(d, "edited.yaml")
    if not os.path.exists(edited):
        text = open(spec).read()
        text = text.replace("  fn-1:\n    source: src/fn-1.js\n    env:\n      LOG_LEVEL: info\n",
                            "  fn-1:\n    source: src/fn-1.js\n    memory: 1024\n    env:\n      LOG_LEVEL: debug\n", 1)
        open(edited, "w").write(text)
    return d, spec, edited


def measure(args, cwd, env=None, prepare=None):
    """Best wall time (s) of `runs` runs, largest peak RSS (KiB), the last exit code and stderr."""
    best, peak, code, err = None, 0, 0, ""
    for _ in range(runs):
        if prepare:
            prepare()
        t = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", distlang] + args, cwd=cwd, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t
        lines = p.stderr.rstrip("\n").split("\n")
        peak = max(peak, int(lines[-1]))
        best = wall if best is None else min(best, wall)
        code, err = p.returncode, "\n".join(lines[:-1])
    return best, peak, code, err


def timings(args, cwd, prepare=None):
    if prepare:
        prepare()
    env = dict(os.environ, DISTLANG_TIMINGS="1")
    p = subprocess.run([distlang] + args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    report = p.stderr[p.stderr.find("distlang timings:"):] if "distlang timings:" in p.stderr else ""
    return report


cpu = ""
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
mem = int(open("/proc/meminfo").readline().split()[1]) // 1024 // 1024
print(f"machine: {os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}")
print(f"distlang: {distlang}; best of {runs} runs; peak memory is maximum resident set size")
print()

rows, notes, reports = {}, [], {}
for n in ns:
    d, spec, edited = spec_for(n)
    out = os.path.join(d, "dist")

    def fresh():
        shutil.rmtree(out, ignore_errors=True)

    v = measure(["validate", "distlang.yaml"], d)
    b = measure(["build", "distlang.yaml", "--out", "dist", "--cfn-format", "both"], d, prepare=fresh)
    if b[2] != 0:
        first = [l for l in b[3].split("\n") if "error" in l][:1]
        notes.append(f"N={n}: build exit {b[2]}: {first[0] if first else b[3][:200]}")
    # diff needs the build in dist/ (the last measured build left it there when it succeeded)
    df = measure(["diff", "edited.yaml", "--against", "dist"], d) if b[2] == 0 else (None, 0, None, "")
    if df[2] not in (0, None):
        notes.append(f"N={n}: diff exit {df[2]}: {df[3][:200]}")
    rows[n] = (v, b, df)
    reports[n] = {
        "validate": timings(["validate", "distlang.yaml"], d),
        "build": timings(["build", "distlang.yaml", "--out", "dist", "--cfn-format", "both"], d, prepare=fresh),
        "diff": timings(["diff", "edited.yaml", "--against", "dist"], d) if b[2] == 0 else "",
    }


def cell(m):
    if m[0] is None:
        return f"{'-':>8} {'-':>8}"
    flag = "" if m[2] == 0 else "!"
    return f"{m[0]:7.3f}{flag or ' '} {m[1] / 1024:7.0f}M"

print(f"{'functions':>9}  {'validate s':>8} {'peak':>8}  {'build s':>8} {'peak':>8}  {'diff s':>8} {'peak':>8}")
for n in ns:
    v, b, df = rows[n]
    print(f"{n:>9,}  {cell(v)}  {cell(b)}  {cell(df)}")
print("(! = exit code not 0; see the notes)")

if 1000 in rows and 10000 in rows:
    parts = []
    for i, name in enumerate(["validate", "build", "diff"]):
        a, z = rows[1000][i], rows[10000][i]
        if a[0] and z[0]:
            parts.append(f"{name} {z[0] / a[0]:.1f}x")
    print(f"growth 10,000 / 1,000: {', '.join(parts)} (goal: at most 12x)")
if 10000 in rows:
    b = rows[10000][1]
    ok = b[2] == 0 and b[0] < 2.0 and b[1] < 1 << 20
    print(f"10,000 functions built in {b[0]:.2f} s, {b[1] / 1024:.0f} MiB (goal: under 2 s and 1 GiB): {'met' if ok else 'NOT met'}")
for note in notes:
    print("note:", note)

for n in ns:
    for cmd in ["validate", "build", "diff"]:
        r = reports[n][cmd]
        if r and (n == max(ns) or os.environ.get("ALL_TIMINGS")):
            print()
            print(f"stages of `distlang {cmd}`, {n:,} functions:")
            print(r.rstrip())
