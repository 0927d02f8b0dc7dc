#!/usr/bin/env bash
# Loading speed: `distlang validate --schema bench/any.schema.json` (read + parse + value tree + source
# map; the empty schema accepts anything, so this is loading) on a generated 10 MB YAML
# and a 10 MB JSON file, against libyaml's bare event parse of the same YAML (the floor).
# Prints best-of-N wall times and the ratios. Goal: distlang within 2x of the bare libyaml parse.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/timing.sh
runs="${RUNS:-5}"
work="${BENCH_DIR:-/tmp/distlang-bench}"
mkdir -p "$work"

scripts/install-deps.sh --build-only
swift build -c release --product distlang >/dev/null
cc -O2 -o "$work/yaml_parse_only" bench/yaml_parse_only.c $(pkg-config --cflags --libs yaml-0.1)
[ -f "$work/data-10mb.yaml" ] || python3 bench/gen_data.py yaml 10 "$work/data-10mb.yaml"
[ -f "$work/data-10mb.json" ] || python3 bench/gen_data.py json 10 "$work/data-10mb.json"

bare=$(best "$runs" "$work/yaml_parse_only" "$work/data-10mb.yaml")
yaml=$(best "$runs" .build/release/distlang validate --schema bench/any.schema.json "$work/data-10mb.yaml")
json=$(best "$runs" .build/release/distlang validate --schema bench/any.schema.json "$work/data-10mb.json")
machine
printf "%-44s %8s s\n" "libyaml bare event parse, 10 MB YAML" "$bare"
printf "%-44s %8s s   %sx bare parse\n" "distlang validate --schema {}, 10 MB YAML" "$yaml" "$(ratio "$yaml" "$bare")"
printf "%-44s %8s s   %sx bare YAML parse\n" "distlang validate --schema {}, 10 MB JSON" "$json" "$(ratio "$json" "$bare")"
