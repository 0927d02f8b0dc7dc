#!/usr/bin/env bash
# The main job on the bundled example: build distlang, validate the example app's spec, build it
# (into the example's dist/, which git ignores) and show what a second build would change.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --build-only
swift build -c release --product distlang
example="${1:-examples/staged-app}"
spec="$example/distlang.yaml"
[ -f "$spec" ] || spec="$example/distlang.json"
.build/release/distlang validate "$spec"
.build/release/distlang build "$spec" --cfn-format both
.build/release/distlang diff "$spec"
