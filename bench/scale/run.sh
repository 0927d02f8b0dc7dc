#!/usr/bin/env bash
# Scale: wall time and peak memory of `distlang validate`, `distlang build` (every target, every
# environment, CloudFormation YAML and JSON) and `distlang diff` (after a one-function edit) on
# synthetic specs of N functions, N/3 resources and 3 environments for both targets, at N = 100,
# 1,000 and 10,000; the growth from 1,000 to 10,000; and each stage's share of the time
# (DISTLANG_TIMINGS=1), for the spec with both targets and the same app for Cloudflare only (which
# builds at every size). Goals: growth at most 12x; 10,000 functions built in under 2 s and 1 GiB.
# Env: SCALE_NS="100 1000 10000", RUNS=3 (best wall time of RUNS; peak memory is the largest seen),
# BENCH_DIR=/tmp/distlang-bench (specs), SCALE_OUT (where builds go; default BENCH_DIR, e.g. /dev/shm
# for tmpfs), DISTLANG=path to a binary (default: a fresh release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${DISTLANG:-}" ]; then
  scripts/install-deps.sh --build-only
  swift build -c release --product distlang >/dev/null
  DISTLANG=.build/release/distlang
fi
exec python3 bench/scale/scale.py "$DISTLANG"
