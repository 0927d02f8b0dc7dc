#!/usr/bin/env bash
# Which regex engine is fastest for schema patterns: compiles bench/schema/regex_engines.swift with the
# engine's SimplePattern.swift (-O) and prints the time of each engine on the same 200,000 keys.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${BENCH_DIR:-/tmp/distlang-bench}/regex"
mkdir -p "$work"
cp bench/schema/regex_engines.swift "$work/main.swift"
swiftc -O "$work/main.swift" Sources/DistlangSchema/Regex/SimplePattern.swift -o "$work/regex_engines"
"$work/regex_engines"
