#!/usr/bin/env bash
# The main job on the bundled example: build distlang, then validate the example app's spec.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --build-only
swift build -c release --product distlang
example="${1:-examples/http-api}"
.build/release/distlang validate "$example/distlang.yaml"
