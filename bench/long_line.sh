#!/usr/bin/env bash
# Diagnostics on a minified spec: a 1,000-function spec written as one line of JSON, 100 of whose
# functions have no source file yet (100 warnings). Rendering each diagnostic's excerpt must cost
# O(window), not O(line): the text report's "output" stage should stay a small share of the run.
# Prints the best-of-N wall time of the whole run and of the output stage (DISTLANG_TIMINGS=1).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/timing.sh
runs="${RUNS:-5}"
work="${BENCH_DIR:-/tmp/distlang-bench}/long-line"
mkdir -p "$work/src"
scripts/install-deps.sh --build-only
swift build -c release --product distlang >/dev/null
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
functions = {}
for i in range(1000):
    functions[f"fn-{i}"] = {"source": f"src/fn-{i}.js", "env": {"LOG_LEVEL": "info", "INDEX": i},
                            "http": [f"GET /fn-{i}", f"POST /fn-{i}/items"]}
    if i % 10:   # every tenth source is missing: 100 warnings
        open(os.path.join(work, "src", f"fn-{i}.js"), "w").close()
spec = {"distlang": 1, "name": "minified", "functions": functions,
        "targets": {"cloudflare": {"compatibility_date": "2025-06-01"}, "aws": {"region": "eu-west-1"}}}
open(os.path.join(work, "distlang.json"), "w").write(json.dumps(spec, separators=(",", ":")))
PY
bin=.build/release/distlang
total=$(best "$runs" "$bin" validate "$work/distlang.json")
output=$(python3 - "$runs" "$bin" "$work/distlang.json" <<'PY'
import os, re, subprocess, sys
runs, binary, spec = int(sys.argv[1]), sys.argv[2], sys.argv[3]
best = None
for _ in range(runs):
    env = dict(os.environ, DISTLANG_TIMINGS="1", NO_COLOR="1")
    err = subprocess.run([binary, "validate", spec], env=env, capture_output=True, text=True).stderr
    m = re.search(r"^\s*output\s+([0-9.]+) ms", err, re.M)
    if m:
        best = float(m.group(1)) if best is None else min(best, float(m.group(1)))
print(f"{best:.1f}" if best is not None else "?")
PY
)
warnings=$("$bin" validate "$work/distlang.json" 2>&1 | grep -c ': warning:' || true)
machine
printf "%-58s %7s s\n" "validate, one-line JSON, 1,000 functions, $warnings warnings" "$total"
printf "%-58s %7s ms\n" "  of which rendering the report (output stage)" "$output"
