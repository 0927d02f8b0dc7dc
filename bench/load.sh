#!/usr/bin/env bash
# Loading speed: `distlang validate --schema bench/any.schema.json` (read + parse + value tree + source
# map; the empty schema accepts anything, so this is loading) on a generated 10 MB YAML
# and a 10 MB JSON file, against libyaml's bare event parse of the same YAML (the floor).
# Prints best-of-N wall times and the ratios. Goal: distlang within 2x of the bare libyaml parse.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
work="${BENCH_DIR:-/tmp/distlang-bench}"
mkdir -p "$work"

scripts/install-deps.sh --build-only
swift build -c release --product distlang >/dev/null
cc -O2 -o "$work/yaml_parse_only" bench/yaml_parse_only.c $(pkg-config --cflags --libs yaml-0.1)
[ -f "$work/data-10mb.yaml" ] || python3 bench/gen_data.py yaml 10 "$work/data-10mb.yaml"
[ -f "$work/data-10mb.json" ] || python3 bench/gen_data.py json 10 "$work/data-10mb.json"

# best wall time of $runs runs, in seconds
best() {
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
print(f"{min(times):.3f}")
PY
}

bare=$(best "$work/yaml_parse_only" "$work/data-10mb.yaml")
yaml=$(best .build/release/distlang validate --schema bench/any.schema.json "$work/data-10mb.yaml")
json=$(best .build/release/distlang validate --schema bench/any.schema.json "$work/data-10mb.json")
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf "%-44s %8s s\n" "libyaml bare event parse, 10 MB YAML" "$bare"
printf "%-44s %8s s   %sx bare parse\n" "distlang validate, 10 MB YAML" "$yaml" "$(python3 -c "print(round($yaml/$bare, 2))")"
printf "%-44s %8s s   %sx bare YAML parse\n" "distlang validate, 10 MB JSON" "$json" "$(python3 -c "print(round($json/$bare, 2))")"
