#!/usr/bin/env bash
# `distlang validate` of a 1,000-function spec (schema + semantic checks, every environment) against
# python `jsonschema` validating the same spec against `distlang schema` (schema only).
# Goal: distlang at least 10x faster. Prints best-of-N wall times and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/timing.sh
runs="${RUNS:-5}"
work="${BENCH_DIR:-/tmp/distlang-bench}"
mkdir -p "$work"
scripts/install-deps.sh --build-only
swift build -c release --product distlang >/dev/null
mkdir -p "$work/spec-1000/src"
python3 bench/gen_spec.py 1000 300 2 "$work/spec-1000/distlang.yaml"
for i in $(seq 0 999); do : > "$work/spec-1000/src/fn-$i.js"; done   # sources exist, as in a real repo
.build/release/distlang schema > "$work/distlang.schema.json"

cat > "$work/validate_spec.py" <<'PY'
import json, sys, yaml
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
with open(sys.argv[2]) as f:
    doc = yaml.load(f, Loader=yaml.CSafeLoader)
errors = list(Draft202012Validator(schema).iter_errors(doc))
sys.exit(1 if errors else 0)
PY

ours=$(best "$runs" .build/release/distlang validate "$work/spec-1000/distlang.yaml")
theirs=$(best "$runs" python3 "$work/validate_spec.py" "$work/distlang.schema.json" "$work/spec-1000/distlang.yaml")
machine
printf "%-58s %7s s\n" "distlang validate, 1,000 functions (schema + rules)" "$ours"
printf "%-58s %7s s\n" "python jsonschema + CSafeLoader (schema only)" "$theirs"
printf "distlang is %sx faster (goal: at least 10x)\n" "$(python3 -c "print(round($theirs/$ours, 1))")"
