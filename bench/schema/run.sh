#!/usr/bin/env bash
# Schema validation speed, end to end (read, parse, validate), of `distlang validate --schema` against
# python `jsonschema`, `jsonschema-rs` (driven from Python with PyYAML's CSafeLoader) and
# `check-jsonschema`, on (a) a generated ~10 MB YAML document and (b) 1,000 small YAML files, with
# bench/schema/service.schema.json ($ref, patternProperties, oneOf, enum, pattern, uniqueItems).
# Also times libyaml's bare event parse of the 10 MB file (bench/yaml_parse_only.c) and distlang's
# load alone. Prints best-of-N wall times and ratios; never asserts. The pip tools live in a venv
# under .tools/venv-bench (created here). RUNS=N sets the repetitions of the fast tools (default 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/timing.sh
runs="${RUNS:-3}"
work="${BENCH_DIR:-/tmp/distlang-bench}"
venv=.tools/venv-bench
schema=bench/schema/service.schema.json
mkdir -p "$work"

if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q jsonschema jsonschema-rs check-jsonschema pyyaml
fi
swift build -c release --product distlang >/dev/null
cc -O2 -o "$work/yaml_parse_only" bench/yaml_parse_only.c $(pkg-config --cflags --libs yaml-0.1)
[ -f "$work/data-10mb.yaml" ] || python3 bench/gen_data.py yaml 10 "$work/data-10mb.yaml"
[ -d "$work/small" ] || python3 bench/schema/gen_small.py 1000 "$work/small"
small=("$work"/small/*.yaml)

machine
echo "files: $(du -h "$work/data-10mb.yaml" | cut -f1) YAML; ${#small[@]} small files, $(du -ch "${small[@]}" | tail -1 | cut -f1) in all"
echo

bare=$(best "$runs" "$work/yaml_parse_only" "$work/data-10mb.yaml")
load=$(best "$runs" .build/release/distlang validate --schema bench/any.schema.json "$work/data-10mb.yaml")
a_distlang=$(best "$runs" .build/release/distlang validate --schema "$schema" "$work/data-10mb.yaml")
a_rs=$(best "$runs" "$venv/bin/python" bench/schema/python_validators.py jsonschema-rs "$schema" "$work/data-10mb.yaml")
a_py=$(best 1 "$venv/bin/python" bench/schema/python_validators.py jsonschema "$schema" "$work/data-10mb.yaml")
a_cj=$(best 1 "$venv/bin/check-jsonschema" --schemafile "$schema" "$work/data-10mb.yaml")

echo "(a) one 10 MB YAML document"
printf "  %-40s %8s s\n" "libyaml bare event parse" "$bare"
printf "  %-40s %8s s   %5sx bare parse (the empty schema: loading alone)\n" "distlang validate --schema {} (loading)" "$load" "$(ratio "$load" "$bare")"
printf "  %-40s %8s s   %5sx bare parse\n" "distlang validate --schema" "$a_distlang" "$(ratio "$a_distlang" "$bare")"
for pair in "jsonschema-rs (CSafeLoader):$a_rs" "python jsonschema (CSafeLoader):$a_py" "check-jsonschema:$a_cj"; do
  name=${pair%%:*}; t=${pair##*:}
  printf "  %-40s %8s s   distlang is %sx faster\n" "$name" "$t" "$(ratio "$t" "$a_distlang")"
done
echo

b_distlang=$(best "$runs" .build/release/distlang validate --schema "$schema" "${small[@]}")
b_rs=$(best "$runs" "$venv/bin/python" bench/schema/python_validators.py jsonschema-rs "$schema" "${small[@]}")
b_py=$(best 1 "$venv/bin/python" bench/schema/python_validators.py jsonschema "$schema" "${small[@]}")
b_cj=$(best 1 "$venv/bin/check-jsonschema" --schemafile "$schema" "${small[@]}")
echo "(b) 1,000 small YAML files, one process each tool"
printf "  %-40s %8s s\n" "distlang validate --schema" "$b_distlang"
for pair in "jsonschema-rs (CSafeLoader):$b_rs" "python jsonschema (CSafeLoader):$b_py" "check-jsonschema:$b_cj"; do
  name=${pair%%:*}; t=${pair##*:}
  printf "  %-40s %8s s   distlang is %sx faster\n" "$name" "$t" "$(ratio "$t" "$b_distlang")"
done
