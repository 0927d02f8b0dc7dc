#!/usr/bin/env python3
"""The scale benchmark behind bench/scale/run.sh (see there). Usage: scale.py DISTLANG"""
import os, platform, shutil, subprocess, sys, time

distlang = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ns = [int(n) for n in os.environ.get("SCALE_NS", "100 1000 10000").split()]
runs = int(os.environ.get("RUNS", "3"))
work = os.path.join(os.environ.get("BENCH_DIR", "/tmp/distlang-bench"), "scale")
out_root = os.environ.get("SCALE_OUT", work)   # where builds are written (e.g. /dev/shm for tmpfs)
os.makedirs(work, exist_ok=True)
os.makedirs(out_root, exist_ok=True)

# The two kinds of spec: the brief's (both targets) and the same app for Cloudflare only, which
# builds at every size, so the write and diff stages are measured even where AWS stops the build.
KINDS = [("both targets", "cloudflare,aws"), ("cloudflare only", "cloudflare")]


def spec_for(n, targets):
    """N functions, N/3 resources, 3 environments; the sources exist (as in a real repository,
    so `validate` has no missing-source warnings to print)."""
    d = os.path.join(work, f"n{n}-{targets.replace(',', '-')}")
    spec = os.path.join(d, "distlang.yaml")
    if not os.path.exists(spec):
        os.makedirs(os.path.join(d, "src"), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(root, "bench/gen_spec.py"), str(n), str(max(1, n // 3)), "3", spec,
                        "--targets", targets], check=True)
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
    return d, os.path.join(out_root, os.path.basename(d) + "-dist")


def measure(args, cwd, prepare=None):
    """Best wall time (s) of `runs` runs, largest peak RSS (KiB), the last exit code and stderr."""
    best, peak, code, err = None, 0, 0, ""
    for _ in range(runs):
        if prepare:
            prepare()
        t = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", distlang] + args, cwd=cwd,
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
    return p.stderr[p.stderr.find("distlang timings:"):] if "distlang timings:" in p.stderr else ""


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = int(open("/proc/meminfo").readline().split()[1]) // 1024 // 1024
fs = subprocess.run(["df", "-T", out_root], capture_output=True, text=True).stdout.split("\n")[1].split()[1]
print(f"machine: {os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}, load {os.getloadavg()[0]:.2f}")
print(f"distlang: {distlang}; best of {runs} runs; peak = maximum resident set size; builds written to {out_root} ({fs})")

rows, notes, reports = {}, [], {}
for kind, targets in KINDS:
    for n in ns:
        d, out = spec_for(n, targets)

        def fresh():
            shutil.rmtree(out, ignore_errors=True)

        v = measure(["validate", "distlang.yaml"], d)
        build_args = ["build", "distlang.yaml", "--out", out, "--cfn-format", "both"]
        b = measure(build_args, d, prepare=fresh)
        if b[2] != 0:
            errors = [l for l in b[3].split("\n") if l.startswith("error")]
            notes.append(f"{kind}, N={n:,}: build exit {b[2]}, {len(errors)} errors, first: {errors[0] if errors else b[3][-300:]}")
        # diff compares with the build left in `out` by the last measured run
        df = measure(["diff", "edited.yaml", "--against", out], d) if b[2] == 0 else (None, 0, None, "")
        if df[2] not in (0, None):
            notes.append(f"{kind}, N={n:,}: diff exit {df[2]}: {df[3][-300:]}")
        rows[(kind, n)] = (v, b, df)
        reports[(kind, n)] = {
            "validate": timings(["validate", "distlang.yaml"], d) if kind == KINDS[0][0] else "",
            "build": timings(build_args, d, prepare=fresh),
            "diff": timings(["diff", "edited.yaml", "--against", out], d) if b[2] == 0 else "",
        }
        fresh()


def cell(m):
    if m[0] is None:
        return f"{'-':>8} {'-':>7}"
    return f"{m[0]:7.3f}{' ' if m[2] == 0 else '!'} {m[1] / 1024:6.0f}M"


for kind, _ in KINDS:
    print()
    print(f"{kind}: N functions, N/3 resources, 3 environments")
    print(f"{'functions':>9}  {'validate':>8} {'peak':>7}  {'build':>8} {'peak':>7}  {'diff':>8} {'peak':>7}   (seconds)")
    for n in ns:
        v, b, df = rows[(kind, n)]
        print(f"{n:>9,}  {cell(v)}  {cell(b)}  {cell(df)}")
    if 1000 in ns and 10000 in ns:
        parts = []
        for i, name in enumerate(["validate", "build", "diff"]):
            a, z = rows[(kind, 1000)][i], rows[(kind, 10000)][i]
            if a[0] and z[0]:
                parts.append(f"{name} {z[0] / a[0]:.1f}x")
        print(f"growth 10,000 / 1,000: {', '.join(parts)} (goal: at most 12x)")
    if 10000 in ns:
        b = rows[(kind, 10000)][1]
        ok = b[2] == 0 and b[0] < 2.0 and b[1] < 1 << 20
        print(f"10,000 functions: build {b[0]:.2f} s, {b[1] / 1024:.0f} MiB, exit {b[2]} (goal: under 2 s and 1 GiB): {'met' if ok else 'NOT met'}")
print("(! = exit code not 0, see the notes)")
for note in notes:
    print("note:", note)

biggest = max(ns)
for kind, _ in KINDS:
    for cmd in ["validate", "build", "diff"]:
        r = reports[(kind, biggest)][cmd]
        if r:
            print()
            print(f"stages of `distlang {cmd}`, {biggest:,} functions, {kind}:")
            print(r.rstrip())
